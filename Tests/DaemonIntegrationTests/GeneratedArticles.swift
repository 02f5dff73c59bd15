/// Short synthetic articles for load tests: each a distinct incident (town, date and toll vary),
/// so a burst exercises the whole pipeline rather than the duplicate shortcut.
enum GeneratedArticles {
    static let towns = ["Aleppo", "Idlib", "Homs", "Mosul", "Kirkuk", "Kharkiv", "Kherson", "Mogadishu", "Kandahar", "Marib"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static func article(_ i: Int) -> String {
        let town = towns[i % towns.count]
        let year = 2001 + (i / 336) % 20
        let month = months[(i / 28) % 12]
        let day = 1 + i % 28
        let killed = 1 + (i * 7) % 30
        return """
        Shelling hits \(town), killing \(killed)

        Regional Wire — \(month) \(day), \(year)

        Artillery shells struck a market district of \(town) on \(month) \(day), \(year), killing \(killed) people and wounding \(i % 13) others, local officials said. Dispatch \(i).

        Rescue teams searched the rubble for survivors through the afternoon.
        """
    }
}
