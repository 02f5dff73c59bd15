import Testing
import ArticleText

@Suite("text decoding")
struct TextDecoderTests {
    static func decode(_ bytes: [UInt8], _ format: ArticleFormat = .plainText) throws(TextDecodingError) -> DecodedArticle {
        try TextDecoder.decode(bytes, format: format)
    }

    static func reason(_ bytes: [UInt8], _ format: ArticleFormat = .plainText) -> TextDecodingError.Reason? {
        do {
            _ = try decode(bytes, format)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func plainUTF8() throws {
        let article = try Self.decode(Array("Kyiv, 3 May — shelling reported.\n".utf8))
        #expect(article.text == "Kyiv, 3 May — shelling reported.\n")
        #expect(article.encoding == "utf-8")
    }

    @Test func utf8ByteOrderMarkIsRemoved() throws {
        let article = try Self.decode([0xEF, 0xBB, 0xBF] + Array("Zaporizhzhia".utf8))
        #expect(article.text == "Zaporizhzhia")
        #expect(article.encoding == "utf-8")
    }

    @Test func utf16LittleEndianWithBOM() throws {
        let text = "Ataque en Járkov 🚀\r\nsegunda línea"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let article = try Self.decode(bytes)
        #expect(article.text == "Ataque en Járkov 🚀\nsegunda línea")
        #expect(article.encoding == "utf-16le")
    }

    @Test func utf16BigEndianWithBOM() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "Донецьк".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let article = try Self.decode(bytes)
        #expect(article.text == "Донецьк")
        #expect(article.encoding == "utf-16be")
    }

    @Test func utf16WithUnpairedSurrogateIsRepaired() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Array("ab".utf16) + [0xD800] + Array("cdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz".utf16) {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let article = try Self.decode(bytes)
        #expect(article.text.hasPrefix("ab\u{FFFD}cd"))
    }

    @Test func windows1252Fallback() throws {
        // "Café “quoted” – 5 €" in Windows-1252
        let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x75, 0x6F, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80]
        let article = try Self.decode(bytes)
        #expect(article.text == "Café “quoted” – 5 €")
        #expect(article.encoding == "windows-1252")
    }

    @Test func rareUndefinedWindows1252ByteBecomesReplacement() throws {
        let bytes = Array("Caf".utf8) + [0xE9, 0x81] + Array(String(repeating: " text", count: 20).utf8)
        let article = try Self.decode(bytes)
        #expect(article.text.hasPrefix("Café\u{FFFD} text"))
    }

    @Test func frequentUndefinedBytesAreUndecodable() {
        let bytes: [UInt8] = Array(repeating: [0x81, 0x8D, 0x41], count: 50).flatMap { $0 }
        #expect(Self.reason(bytes) == .undecodable)
    }

    @Test func mostlyValidUTF8StaysUTF8() throws {
        let text = String(repeating: "Хроніка подій. ", count: 20)
        let bytes = Array(text.utf8) + [0xD0]  // cut in the middle of a character
        let article = try Self.decode(bytes)
        #expect(article.encoding == "utf-8")
        #expect(article.text.hasPrefix("Хроніка подій."))
        #expect(article.text.hasSuffix("\u{FFFD}"))
    }

    @Test func lineEndingsBecomeLF() throws {
        #expect(try Self.decode(Array("a\r\nb\rc\nd\r".utf8)).text == "a\nb\nc\nd\n")
    }

    @Test func emptyAndWhitespaceOnlyAreEmpty() {
        #expect(Self.reason([]) == .empty)
        #expect(Self.reason(Array(" \n\t\r\n  ".utf8)) == .empty)
        #expect(Self.reason([0xEF, 0xBB, 0xBF, 0x20]) == .empty)
        #expect(Self.reason(Array("<html><body><p> </p><script>x()</script></body></html>".utf8), .html) == .empty)
        #expect(Self.reason(Array("\u{00A0}\u{2003}".utf8)) == .empty)
    }

    @Test func nulBytesMeanBinaryAndSayWhere() {
        do {
            _ = try Self.decode(Array("hello".utf8) + [0, 1, 2] + Array("world".utf8))
            Issue.record("expected binary")
        } catch {
            #expect(error.reason == .binary)
            #expect(error.detail == "contains NUL bytes at offset 5: not a text file")
        }
    }

    @Test func manyControlCharactersMeanBinary() {
        let bytes: [UInt8] = (0..<400).map { n in n % 4 == 0 ? UInt8(n % 8 + 1) : 0x41 }
        #expect(Self.reason(bytes) == .binary)
    }

    @Test func aFewControlCharactersAreRemoved() throws {
        let bytes = Array("Intro\u{1B} text".utf8) + Array(String(repeating: " more words", count: 10).utf8) + [0x0C] + Array("page".utf8)
        let article = try Self.decode(bytes)
        #expect(article.text.hasPrefix("Intro text more"))
        #expect(article.text.hasSuffix("more words\npage"))
    }

    @Test func utf32IsUndecodable() {
        #expect(Self.reason([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]) == .undecodable)
    }

    @Test func utf16WithNULCharacterIsBinary() {
        #expect(Self.reason([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]) == .binary)
    }

    @Test func htmlIsReducedToText() throws {
        let html = "<html><head><title>Strike on depot</title></head><body><p>Two &amp; three.</p></body></html>"
        let article = try Self.decode(Array(html.utf8), .html)
        #expect(article.text == "Strike on depot\n\nTwo & three.")
    }

    @Test func markdownIsKeptAsIs() throws {
        #expect(try Self.decode(Array("# Title\n\n*bold* <b>x</b>".utf8), .markdown).text == "# Title\n\n*bold* <b>x</b>")
    }

    @Test func randomTextRoundTripsThroughEveryUnicodeEncoding() throws {
        let alphabet: [Character] = ["a", "Z", " ", "\n", "\t", "é", "ß", "Д", "ї", "ا", "中", "🚀", "—", "€", "0", ".", "\u{00A0}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = "x" + String((0..<Int.random(in: 0..<60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
            for unit in text.utf16 {
                le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            #expect(try Self.decode(Array(text.utf8)).text == text)
            #expect(try Self.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).text == text)
            #expect(try Self.decode(le).text == text)
            #expect(try Self.decode(be).text == text)
        }
    }

    @Test func everyWindows1252ByteDecodes() throws {
        let printable = (0x20...0xFF).map(UInt8.init).filter { ![0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        let article = try Self.decode(Array("Table: ".utf8) + printable)
        #expect(article.encoding == "windows-1252")
        #expect(article.text.unicodeScalars.count == 7 + printable.count)
        #expect(!article.text.contains("\u{FFFD}"))
        #expect(article.text.contains("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"))
        #expect(article.text.hasSuffix("ýþÿ"))
    }

    @Test func arbitraryBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            let count = Int.random(in: 0..<120, using: &generator)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if round % 3 == 0 { bytes = [0xFF, 0xFE] + bytes }
            if round % 3 == 1 { bytes = [0xFE, 0xFF] + bytes }
            for format in ArticleFormat.allCases {
                _ = try? TextDecoder.decode(bytes, format: format)
            }
        }
    }
}
