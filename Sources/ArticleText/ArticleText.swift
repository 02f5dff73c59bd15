// ArticleText: implementation in progress.
