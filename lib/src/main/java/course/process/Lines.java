package course.process;

/**
 * The pool's wire format: one message per line, with backslash, newline and carriage return escaped
 * so any text fits on one line.
 */
final class Lines {

    static final String READY = "READY";
    static final String OK = "OK\t";
    static final String ERR = "ERR\t";
    static final String FATAL = "FATAL\t";

    private Lines() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} cut to {@code max} characters with an ellipsis, on one line, for messages. */
    static String brief(String text, int max) {
        String one = escape(text);
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }
}
