package dev.vault.core.guard;

import java.util.Set;

/**
 * A command's options read the getopt way: short clusters ({@code -sSL}), short options with a value
 * attached or in the next word, long options ({@code --x=v} or {@code --x v} for the ones that take a
 * value), {@code --} ending options. Operands are the other words, by index.
 */
final class Options {
    private final Argv argv;
    private final StringBuilder shorts = new StringBuilder();
    private String longs = " ";
    private final int[] operands;
    private int operandCount;
    /** Where the options stopped, when reading stopped at the first operand. */
    private int stop;

    private Options(Argv argv) {
        this.argv = argv;
        this.operands = new int[Math.max(argv.size(), 1)];
    }

    /**
     * Reads {@code argv} from index {@code start}. {@code shortValues} lists the short options that take a
     * value, {@code longValues} the long ones. With {@code stopAtOperand} reading ends at the first operand
     * (a wrapper's inner command), which {@link #stop()} then gives.
     */
    static Options parse(Argv argv, int start, String shortValues, Set<String> longValues, boolean stopAtOperand) {
        Options options = new Options(argv);
        int i = start;
        int size = argv.size();
        options.stop = size;
        while (i < size) {
            String word = argv.text(i);
            if (word == null || word.length() < 2 || word.charAt(0) != '-') {
                if (stopAtOperand) {
                    options.stop = i;
                    return options;
                }
                options.operands[options.operandCount++] = i++;
                continue;
            }
            if (word.equals("--")) {
                i++;
                if (stopAtOperand) {
                    options.stop = i;
                    return options;
                }
                while (i < size) {
                    options.operands[options.operandCount++] = i++;
                }
                break;
            }
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                String name = eq < 0 ? word : word.substring(0, eq);
                options.longs += name + " ";
                if (eq < 0 && longValues.contains(name)) {
                    i++;
                }
                i++;
                continue;
            }
            for (int k = 1; k < word.length(); k++) {
                char c = word.charAt(k);
                options.shorts.append(c);
                if (shortValues.indexOf(c) >= 0) {
                    if (k == word.length() - 1) {
                        i++;
                    }
                    break;
                }
            }
            i++;
        }
        return options;
    }

    boolean has(char c) {
        return shorts.indexOf(String.valueOf(c)) >= 0;
    }

    boolean has(String longName) {
        return longs.contains(" " + longName + " ");
    }

    int operandCount() {
        return operandCount;
    }

    int operand(int n) {
        return operands[n];
    }

    int stop() {
        return stop;
    }

    /**
     * The value of a short or long option, as its word's text (null when the option is absent or its value
     * is not known). The last occurrence wins.
     */
    String value(char shortName, String longName) {
        String found = null;
        for (int i = 0; i < argv.size(); i++) {
            String word = argv.text(i);
            if (word == null) {
                continue;
            }
            if (word.equals("--")) {
                break;
            }
            if (longName != null && word.startsWith(longName)) {
                if (word.length() == longName.length()) {
                    found = argv.text(i + 1);
                } else if (word.charAt(longName.length()) == '=') {
                    found = word.substring(longName.length() + 1);
                }
            } else if (shortName != 0 && word.length() >= 2 && word.charAt(0) == '-' && word.charAt(1) != '-') {
                int k = word.indexOf(shortName, 1);
                if (k > 0) {
                    found = k == word.length() - 1 ? argv.text(i + 1) : word.substring(k + 1);
                }
            }
        }
        return found;
    }
}
