/// Turns the bytes of an article file into text, or says precisely why it cannot.
///
/// Inbox files come from anywhere: editors on Windows (UTF-16, Windows-1252), web pages, and files
/// that are not text at all. Decoding is deterministic and never traps; every step is linear in the
/// input size.
public enum TextDecoder {
    /// Decodes `bytes` and, for `.html`, reduces the markup to text.
    ///
    /// Order: a byte-order mark selects UTF-8, UTF-16LE or UTF-16BE; otherwise NUL bytes mean binary;
    /// then strict UTF-8 (or UTF-8 with a few damaged sequences when it clearly is UTF-8); otherwise
    /// Windows-1252. A high share of C0 control characters (not tab, LF, CR, FF) means binary; the
    /// rest of them are removed. CRLF and CR become LF, FF becomes LF. Empty or whitespace-only
    /// text (also after HTML reduction) is `.empty`.
    public static func decode(_ bytes: [UInt8], format: ArticleFormat) throws(TextDecodingError) -> DecodedArticle {
        guard !bytes.isEmpty else { throw TextDecodingError(reason: .empty, detail: "the file is empty") }
        let (utf8, encoding) = try toUTF8(bytes)
        var text = try normalize(utf8)
        if format == .html {
            text = HTMLText.text(fromHTML: text)
        }
        guard text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            let detail = format == .html && !bytes.isEmpty
                ? "the HTML contains no text outside markup" : "the file contains only whitespace"
            throw TextDecodingError(reason: .empty, detail: detail)
        }
        return DecodedArticle(text: text, encoding: encoding)
    }

    // MARK: - Encodings

    /// More than 1% problems (and more than two) means the guess is wrong, not a stray byte.
    static func isFrequent(_ problems: Int, of total: Int) -> Bool {
        problems > 2 && problems * 100 > total
    }

    static func toUTF8(_ bytes: [UInt8]) throws(TextDecodingError) -> (ArraySlice<UInt8>, String) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            let scan = body.withUnsafeBufferPointer { UTF8Writer.scan($0) }
            if isFrequent(scan.invalid, of: body.count) {
                throw TextDecodingError(
                    reason: .undecodable,
                    detail: "marked as UTF-8 but \(scan.invalid) byte sequences are not UTF-8 (first at offset \((scan.firstInvalid ?? 0) + 3))"
                )
            }
            return (body, "utf-8")  // the few bad sequences become U+FFFD in normalize()
        }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw TextDecodingError(reason: .undecodable, detail: "UTF-32 text is not supported; save it as UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            let name = bigEndian ? "utf-16be" : "utf-16le"
            let decoded = UTF16Decoding.toUTF8(bytes[2...], bigEndian: bigEndian)
            if let nul = decoded.firstNUL {
                throw TextDecodingError(
                    reason: .binary, detail: "contains NUL characters (first at offset \(2 + 2 * nul)): not a text file")
            }
            if isFrequent(decoded.replaced, of: decoded.units) {
                throw TextDecodingError(
                    reason: .undecodable, detail: "marked as \(name.uppercased()) but \(decoded.replaced) code units are invalid")
            }
            return (decoded.utf8[...], name)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw TextDecodingError(reason: .binary, detail: "contains NUL bytes at offset \(nul): not a text file")
        }
        let scan = bytes.withUnsafeBufferPointer { UTF8Writer.scan($0) }
        if scan.invalid == 0 { return (bytes[...], "utf-8") }
        // Clearly UTF-8 with a few damaged sequences (e.g. truncated): keep UTF-8, repair those.
        if scan.multibyte >= 10 * scan.invalid { return (bytes[...], "utf-8") }
        let (converted, undefined) = Windows1252.toUTF8(bytes[...])
        if isFrequent(undefined, of: bytes.count) {
            throw TextDecodingError(
                reason: .undecodable,
                detail: "neither UTF-8 nor Windows-1252 (\(undefined) undefined bytes, first invalid UTF-8 at offset \(scan.firstInvalid ?? 0)); save it as UTF-8"
            )
        }
        return (converted[...], "windows-1252")
    }

    // MARK: - Normalisation

    /// C0 controls that do not belong in text (everything below 0x20 except tab, LF, FF, CR) and DEL.
    @inline(__always)
    static func isStrayControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }

    /// Checks the control-character share, then writes the text with LF line endings and without
    /// stray controls directly into the String's storage (which also repairs ill-formed UTF-8).
    static func normalize(_ utf8: ArraySlice<UInt8>) throws(TextDecodingError) -> String {
        let controls = utf8.withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in buffer where isStrayControl(byte) { count += 1 }
            return count
        }
        if controls > 0 && controls * 20 > utf8.count {
            throw TextDecodingError(
                reason: .binary, detail: "\(controls) of \(utf8.count) bytes are control characters: not a text file")
        }
        return utf8.withUnsafeBufferPointer { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                var written = 0
                var index = 0
                let count = input.count
                while index < count {
                    let byte = input[index]
                    index += 1
                    switch byte {
                    case 0x0D:
                        output[written] = 0x0A
                        written += 1
                        if index < count && input[index] == 0x0A { index += 1 }
                    case 0x0C:
                        output[written] = 0x0A
                        written += 1
                    default:
                        if isStrayControl(byte) { continue }
                        output[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
    }
}
