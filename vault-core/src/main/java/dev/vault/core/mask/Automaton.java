package dev.vault.core.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho–Corasick automaton over bytes. A state is the longest suffix of the input read so far that is a
 * prefix of some pattern; its {@link #depth} is that suffix's length, so the input before it can never be
 * part of a match still to come. Each state also knows the longest pattern that ends where it does
 * ({@link #matchLength}): every shorter one ending there lies inside it. Stepping costs amortised
 * constant time (a failure link always leads to a shallower state) and allocates nothing.
 *
 * <p>The edge labels are bytes of the patterns, which are derived from secret values: {@link #wipe}
 * zeroes them.
 */
final class Automaton {
    private static final int ROOT = 0;

    /** The state after the root on each byte (ROOT when no pattern starts with it). */
    private final int[] fromRoot;
    /** The edges of state s are labels/targets[edgeStart[s] .. edgeStart[s + 1]), labels sorted unsigned. */
    private final int[] edgeStart;
    private final byte[] labels;
    private final int[] targets;
    private final int[] fail;
    private final int[] depth;
    private final int[] matchLength;
    private final int[] matchName;

    private Automaton(int[] fromRoot, int[] edgeStart, byte[] labels, int[] targets, int[] fail, int[] depth,
                      int[] matchLength, int[] matchName) {
        this.fromRoot = fromRoot;
        this.edgeStart = edgeStart;
        this.labels = labels;
        this.targets = targets;
        this.fail = fail;
        this.depth = depth;
        this.matchLength = matchLength;
        this.matchName = matchName;
    }

    /**
     * The automaton of {@code patterns} (none empty, none repeated), where pattern i stands for name
     * {@code names[i]}.
     */
    static Automaton of(List<byte[]> patterns, int[] names) {
        Trie trie = new Trie();
        for (int i = 0; i < patterns.size(); i++) {
            trie.add(patterns.get(i), names[i]);
        }
        return trie.compile();
    }

    static int start() {
        return ROOT;
    }

    /** The state after reading byte {@code b} (0 to 255) in {@code state}. */
    int next(int state, int b) {
        int s = state;
        while (s != ROOT) {
            int t = child(s, b);
            if (t != ROOT) {
                return t;
            }
            s = fail[s];
        }
        return fromRoot[b];
    }

    /** How many of the last bytes read could still begin a match. */
    int depth(int state) {
        return depth[state];
    }

    /** The length of the longest pattern that ends at this state, or 0. */
    int matchLength(int state) {
        return matchLength[state];
    }

    /** The name of the pattern {@link #matchLength} measures. */
    int matchName(int state) {
        return matchName[state];
    }

    /** The length of the longest pattern. */
    int longest() {
        int longest = 0;
        for (int d : depth) {
            longest = Math.max(longest, d);
        }
        return longest;
    }

    void wipe() {
        Arrays.fill(labels, (byte) 0);
        Arrays.fill(fromRoot, ROOT);
    }

    private int child(int state, int b) {
        int low = edgeStart[state];
        int high = edgeStart[state + 1] - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int label = labels[mid] & 0xff;
            if (label < b) {
                low = mid + 1;
            } else if (label > b) {
                high = mid - 1;
            } else {
                return targets[mid];
            }
        }
        return ROOT;
    }

    /** The trie as it is built: children as linked lists of siblings. */
    private static final class Trie {
        private int size = 1;
        private int[] firstChild = new int[64];
        private int[] nextSibling = new int[64];
        private byte[] label = new byte[64];
        private int[] terminal = filled(64);
        private int[] depth = new int[64];

        Trie() {
            firstChild[ROOT] = -1;
            nextSibling[ROOT] = -1;
        }

        void add(byte[] pattern, int name) {
            int state = ROOT;
            for (byte b : pattern) {
                int next = find(state, b);
                if (next < 0) {
                    next = newState(state, b);
                }
                state = next;
            }
            if (terminal[state] < 0) {
                terminal[state] = name;
            }
        }

        private int find(int state, byte b) {
            for (int c = firstChild[state]; c >= 0; c = nextSibling[c]) {
                if (label[c] == b) {
                    return c;
                }
            }
            return -1;
        }

        private int newState(int parent, byte b) {
            if (size == label.length) {
                int capacity = size * 2;
                firstChild = Arrays.copyOf(firstChild, capacity);
                nextSibling = Arrays.copyOf(nextSibling, capacity);
                label = Arrays.copyOf(label, capacity);
                depth = Arrays.copyOf(depth, capacity);
                int[] grown = filled(capacity);
                System.arraycopy(terminal, 0, grown, 0, size);
                terminal = grown;
            }
            int state = size++;
            firstChild[state] = -1;
            label[state] = b;
            depth[state] = depth[parent] + 1;
            nextSibling[state] = firstChild[parent];
            firstChild[parent] = state;
            return state;
        }

        Automaton compile() {
            // Breadth first, so a state's failure link (always shallower) is known before it is needed.
            int[] order = new int[size];
            int[] fail = new int[size];
            int[] matchLength = new int[size];
            int[] matchName = new int[size];
            int[] fromRoot = new int[256];
            int head = 0;
            int tail = 0;
            order[tail++] = ROOT;
            while (head < tail) {
                int state = order[head++];
                for (int c = firstChild[state]; c >= 0; c = nextSibling[c]) {
                    order[tail++] = c;
                    int b = label[c];
                    if (state == ROOT) {
                        fail[c] = ROOT;
                        fromRoot[b & 0xff] = c;
                    } else {
                        int f = fail[state];
                        int t = find(f, label[c]);
                        while (t < 0 && f != ROOT) {
                            f = fail[f];
                            t = find(f, label[c]);
                        }
                        fail[c] = t < 0 ? ROOT : t;
                    }
                    if (terminal[c] >= 0) {
                        matchLength[c] = depth[c];
                        matchName[c] = terminal[c];
                    } else {
                        matchLength[c] = matchLength[fail[c]];
                        matchName[c] = matchName[fail[c]];
                    }
                }
            }
            int[] edgeStart = new int[size + 1];
            byte[] labels = new byte[size - 1];
            int[] targets = new int[size - 1];
            List<Integer> children = new ArrayList<>();
            int edge = 0;
            for (int state = 0; state < size; state++) {
                edgeStart[state] = edge;
                children.clear();
                for (int c = firstChild[state]; c >= 0; c = nextSibling[c]) {
                    children.add(c);
                }
                children.sort((a, b) -> Integer.compare(label[a] & 0xff, label[b] & 0xff));
                for (int c : children) {
                    labels[edge] = label[c];
                    targets[edge] = c;
                    edge++;
                }
            }
            edgeStart[size] = edge;
            Arrays.fill(label, (byte) 0);
            return new Automaton(fromRoot, edgeStart, labels, targets, fail, Arrays.copyOf(depth, size),
                    matchLength, matchName);
        }

        private static int[] filled(int capacity) {
            int[] array = new int[capacity];
            Arrays.fill(array, -1);
            return array;
        }
    }
}
