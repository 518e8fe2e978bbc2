package jp.joren.imports;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which encoding an uploaded CSV file is in, as Excel writes them in Japan: UTF-8 with a byte order mark
 * ("CSV UTF-8"), UTF-8 without one, or Shift_JIS as Windows extends it (CP932, plain "CSV"). Anything
 * else — UTF-16, a spreadsheet saved as .xlsx, an image — is refused rather than guessed at.
 */
final class CsvDecoding {

    static final Charset CP932 = Charset.forName("windows-31j");

    private CsvDecoding() {
    }

    /** The text of the file, or empty when it is in none of the encodings above. */
    static Optional<Decoded> decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return Optional.empty();
        }
        for (byte b : bytes) {
            if (b == 0) {
                return Optional.empty();
            }
        }
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            return strictly(bytes, 3, StandardCharsets.UTF_8).map(text -> new Decoded("UTF-8 (BOM)", text));
        }
        return strictly(bytes, 0, StandardCharsets.UTF_8).map(text -> new Decoded("UTF-8", text))
                .or(() -> strictly(bytes, 0, CP932).map(text -> new Decoded("Shift_JIS (CP932)", text)));
    }

    record Decoded(String encoding, String text) {
    }

    /**
     * The text, when every byte is of this encoding. The check decodes through a small buffer and the text is
     * made once: a sales export of a million lines is about 55 MB, and a whole decoded copy beside the text
     * (twice its size in chars) would be 110 MB more at once in a 512 MiB heap.
     */
    private static Optional<String> strictly(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return Optional.empty();
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        while (decoder.flush(out).isOverflow()) {
            out.clear();
        }
        return Optional.of(new String(bytes, offset, bytes.length - offset, charset));
    }
}
