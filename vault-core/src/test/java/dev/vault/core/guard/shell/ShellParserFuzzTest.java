package dev.vault.core.guard.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random, truncated and mangled shell text: the parser returns a tree or throws ShellSyntaxException,
 * never anything else (no stack overflow, index error or null pointer). Seeded, so a failure repeats.
 */
class ShellParserFuzzTest {
    static final List<String> VALID = List.of(
            "echo hello world",
            "X=1 Y+=(a b) cmd --flag=\"$HOME/x\" 'lit' $'a\\tb' $\"loc\" a\\ b 2>&1 >out",
            "echo ${x:-def} ${#x} ${!x} ${!pre*} ${x##*/} ${a[0]} ${a[@]:1:2} ${x@Q} ${#a[@]} ${x/a/b} ${10}",
            "echo $(ls -l | grep x) `date` \"`echo \\`x\\``\" $((1+2)) $( (echo a) ) $[3*4]",
            "diff <(sort a) >(cat) && cat < <(ls)",
            "a | b |& c && ! d || e; f & g\nh",
            "(a; b) > x; { c; d; } 2>/dev/null",
            "cat <<EOF; cat <<'Q' | x\nhello $USER $(date)\nEOF\nraw $X\nQ\necho done",
            "cat <<-EOF\n\tindented ${A:-b}\n\tEOF\n",
            "if a; then b; elif c; then d; else e; fi > log",
            "while read -r l; do echo \"$l\"; done < file; until y; do z; done",
            "for i in a b {1..3}; do echo $i; done; for x; do :; done",
            "for ((i=0; i<3; i++)); do echo $i; done; select s in a b; do break; done",
            "case $x in a|b) echo 1;; *.txt) echo 2;& (c) ;;& *) ;; esac",
            "[[ -f $x && $y == *.txt || ! $z =~ ^(a|b)$ ]] && (( x = 1 + 2 ))",
            "f() { echo hi; }; function g { echo; }; function h() ( echo )",
            "coproc cat; coproc NAME { cat; }; time ls | wc -l",
            "echo ~ ~/x ~root/y a~; PATH=~/bin:~/x cmd",
            "echo *.txt a?b [abc] [!x] @(a|b) +(x) *(y|z) ?(q) !(r)",
            "echo {a,b}c {1..3} {01..10..2} {a..e} {x,{y,z}} {} {a} a{b,c}d{e,f}",
            "arr=(1 2 \"3 4\"); declare -A m=([k]=v); a[1]=x; a[$i]+=y",
            "exec {fd}>file 3<&- 4<>f &>>log <<<\"here $x\" >|clobber",
            "curl -s -H \"Authorization: Bearer $TOKEN\" https://x/y | jq -r '.data[] | .id'",
            "vault get db/url | docker login --password-stdin -u me registry",
            "find . -name '*.py' -exec grep -l TODO {} \\; | xargs -n1 wc -l",
            "git commit -m \"$(cat <<'EOF'\nmessage line\n\nmore\nEOF\n)\"",
            "bash -c 'echo $HOME; ls' && sh -c \"cd /tmp && make\"",
            "echo \"${x:-\"nested ${y:-$(echo deep)}\"}\" \\\n  continued");

    @Test
    void everyPrefixOfARealisticCommandParsesOrFailsCleanly() {
        int cases = 0;
        for (String command : VALID) {
            for (int end = 0; end <= command.length(); end++) {
                check(command.substring(0, end));
                cases++;
            }
        }
        assertTrue(cases > 1000, "cases " + cases);
    }

    @Test
    void theRealisticCommandsParse() throws ShellSyntaxException {
        for (String command : VALID) {
            assertNotNull(ShellParser.parse(command), command);
        }
    }

    @Test
    void deletionsAndInsertionsParseOrFailCleanly() {
        Random random = new Random(5);
        String alphabet = "'\"`$(){}[]<>|&;!#\\\n \t*?~=,.-+@%/:^0123456789abcEOF";
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                if (random.nextBoolean() && at < text.length()) {
                    text.deleteCharAt(at);
                } else {
                    text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            check(text.toString());
        }
    }

    @Test
    void tokenSoupParsesOrFailsCleanly() {
        Random random = new Random(55);
        String[] tokens = {"echo", "x", " ", " ", "\n", ";", ";;", "&", "&&", "|", "||", "|&", "!", "(", ")", "{", "}",
            "{ ", " }", "$(", "$((", "))", "`", "'", "\"", "$'", "${", "${#", "${!", ":-", "[", "]", "[[", "]]", "((",
            "<", ">", ">>", "<<", "<<-", "<<<", "2>&1", "<(", ">(", "EOF", "if", "then", "else", "fi", "for", "in",
            "do", "done", "while", "case", "esac", "function", "coproc", "select", "f()", "=", "a=", "a=(", "*", "?",
            "~", "{a,b}", "{1..3}", "@(", "\\", "\\\n", "#", "$x", "$", ",", ".."};
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(20); k >= 0; k--) {
                text.append(tokens[random.nextInt(tokens.length)]);
            }
            check(text.toString());
        }
    }

    @Test
    void randomCharactersParseOrFailCleanly() {
        Random random = new Random(555);
        for (int n = 0; n < 2000; n++) {
            char[] text = new char[random.nextInt(40)];
            for (int k = 0; k < text.length; k++) {
                text[k] = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : (char) (32 + random.nextInt(95));
            }
            check(new String(text));
        }
    }

    @Test
    void deepAndLongInputFailsCleanly() {
        for (String unit : new String[] {"(", "$(", "`", "${x:-", "\"$(", "{ ", "if ", "<(", "{a,", "@(", "$((", "[[ (",
            "a=(", "'", "\\", "{", "[", "$", "|", "&&", "f() ", "coproc ", "! ", "case x in x) ", "<<E\n"}) {
            check(unit.repeat(100));
            check(unit.repeat(10_000));
            check("echo " + unit.repeat(30_000));
        }
        check("x".repeat(ShellParser.MAX_LENGTH + 1));
    }

    private static void check(String command) {
        try {
            assertNotNull(ShellParser.parse(command));
        } catch (ShellSyntaxException e) {
            assertNotNull(e.getMessage());
        } catch (RuntimeException | Error e) {
            fail("parsing " + printable(command) + " threw " + e, e);
        }
    }

    private static String printable(String command) {
        String shown = command.length() > 200 ? command.substring(0, 200) + "…" : command;
        return "\"" + shown.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
