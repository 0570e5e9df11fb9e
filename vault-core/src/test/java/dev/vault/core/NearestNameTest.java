package dev.vault.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NearestNameTest {
    private static final List<String> KEYS = List.of("purpose", "owner", "readers", "consumers", "env",
            "rotate_every", "rotated", "expires", "tags", "post_quantum");

    @Test
    void aTypoGetsTheNameItWasMeantToBe() {
        assertEquals("purpose", NearestName.of("purpse", KEYS));
        assertEquals("purpose", NearestName.of("prupose", KEYS));
        assertEquals("readers", NearestName.of("reader", KEYS));
        assertEquals("post_quantum", NearestName.of("postquantum", KEYS));
        assertEquals("post_quantum", NearestName.of("post-quantum", KEYS));
        assertEquals("env", NearestName.of("ENV", KEYS));
        assertEquals("alice", NearestName.of("Alice!", List.of("alice", "bob")));
        assertEquals("did you mean \"tags\"? ", NearestName.didYouMean("tag", KEYS));
    }

    @Test
    void noNameIsOfferedWhenNoneIsNearOrTwoAreEquallyNear() {
        assertNull(NearestName.of("secret", KEYS));
        assertNull(NearestName.of("evn2", KEYS), "two edits is too many for a short name");
        assertNull(NearestName.of("bob", List.of("rob", "bot")));
        assertNull(NearestName.of("purpose", KEYS), "the name itself is no suggestion");
        assertNull(NearestName.of("x", List.of()));
        assertEquals("", NearestName.didYouMean("secret", KEYS));
    }

    @Test
    void distanceCountsInsertionsDeletionsChangesAndSwaps() {
        assertEquals(0, NearestName.distance("abc", "abc"));
        assertEquals(1, NearestName.distance("abc", "abxc"));
        assertEquals(1, NearestName.distance("abc", "ac"));
        assertEquals(1, NearestName.distance("abc", "abd"));
        assertEquals(1, NearestName.distance("abc", "acb"));
        assertEquals(3, NearestName.distance("", "abc"));
    }
}
