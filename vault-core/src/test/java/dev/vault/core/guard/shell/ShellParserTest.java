package dev.vault.core.guard.shell;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact trees for each construct, written in {@link Sexp}'s form, and exact messages for what does not
 * parse.
 */
class ShellParserTest {

    private static void assertTree(String expected, String command) throws ShellSyntaxException {
        assertEquals(expected, Sexp.of(ShellParser.parse(command)), command);
    }

    private static void assertError(String expected, String command) {
        ShellSyntaxException e = assertThrows(ShellSyntaxException.class, () -> ShellParser.parse(command), command);
        assertEquals(expected, e.getMessage(), command);
    }

    @Test
    void simpleCommandsSplitOnBlanks() throws ShellSyntaxException {
        assertTree("(cmd echo hello world)",
                "echo hello   world");
        assertTree("(cmd [x=1])",
                "x=1");
        assertTree("(cmd >out)",
                ">out");
        assertTree("(cmd time ls -l)",
                "time ls -l");
    }

    @Test
    void quotingRemovesQuotesAndMarksTheTextQuoted() throws ShellSyntaxException {
        assertTree("(cmd echo 'a b' 'c '\"${HOME}' d' a' 'b 'it's' '' '')",
                "echo 'a b' \"c $HOME d\" a\\ b 'it'\\''s' \"\" ''");
        assertTree("(cmd echo '$x \" \\ \\a '\"$(cmd x)' '\"$(cmd y))",
                "echo \"\\$x \\\" \\\\ \\a `x` $(y)\"");
        assertTree("(cmd echo '*' '?' '['a] '~')",
                "echo \"*\" '?' \\[a] \\~");
    }

    @Test
    void ansiCStringsAreDecoded() throws ShellSyntaxException {
        assertTree("(cmd echo 'AAé\\t\\n\\q\\'' 'a' 'loc '\"${x})",
                "echo $'\\x41\\101\\u00e9\\t\\n\\q\\\\\\'' $'a\\0b' $\"loc $x\"");
        assertTree("(cmd echo '\u0001\u001b')",
                "echo $'\\cA\\e'");
    }

    @Test
    void lineContinuationsVanishOutsideSingleQuotes() throws ShellSyntaxException {
        assertTree("(cmd echo ab 'c\\\\nd')",
                "ec\\\nho a\\\nb 'c\\\nd'");
    }

    @Test
    void plainParameters() throws ShellSyntaxException {
        assertTree("(cmd echo ${HOME} ${HOME} ${1} ${10} ${@} ${*} ${#} ${?} ${-} ${$} ${!} ${0} ${_} $ a$ '$')",
                "echo $HOME ${HOME} $1 ${10} $@ $* $# $? $- $$ $! $0 $_ $ a$ \"$\"");
    }

    @Test
    void parameterOperators() throws ShellSyntaxException {
        assertTree("(cmd echo ${x :- d} ${x - d} ${x := d} ${x = d} ${x :? m} ${x ? m} ${x :+ s} ${x + s})",
                "echo ${x:-d} ${x-d} ${x:=d} ${x=d} ${x:?m} ${x?m} ${x:+s} ${x+s}");
        assertTree("(cmd echo ${x # p} ${x ## p} ${x % p} ${x %% p} ${x / a/b} ${x // a/b} ${x /# a/b} ${x /% a/b})",
                "echo ${x#p} ${x##p} ${x%p} ${x%%p} ${x/a/b} ${x//a/b} ${x/#a/b} ${x/%a/b}");
        assertTree("(cmd echo ${x ^ ∅} ${x ^^ ∅} ${x , ∅} ${x ,, ∅} ${x : 1} ${x : 1:2} ${x :  -1} ${x @ Q})",
                "echo ${x^} ${x^^} ${x,} ${x,,} ${x:1} ${x:1:2} ${x: -1} ${x@Q}");
        assertTree("(cmd echo ${x length} ${#} ${a[@] length} ${x indirect} ${p names} ${p names} ${a[@] names} ${a [ 0} ${a[i] :- z} ${x # <*>/})",
                "echo ${#x} ${#} ${#a[@]} ${!x} ${!p*} ${!p@} ${!a[@]} ${a[0]} ${a[i]:-z} ${x#*/}");
    }

    @Test
    void parameterArgumentsAreWords() throws ShellSyntaxException {
        assertTree("(cmd echo ${x :- a b} \"${x :- 'a b'} \"${x :- ''a''} ${x :- 'a'} ${x :- «~»/d} ${x :- $(cmd id)} ${x :- a]b} ${a [ $(cmd f)})",
                "echo ${x:-a b} \"${x:-\"a b\"}\" \"${x:-'a'}\" ${x:-'a'} ${x:-~/d} ${x:-$(id)} ${x:-a]b} ${a[$(f)]}");
        assertTree("(cmd echo ${x :- {a}b})",
                "echo ${x:-{a}b}");
    }

    @Test
    void commandSubstitution() throws ShellSyntaxException {
        assertTree("(cmd echo $(pipe (cmd ls -l) (cmd grep x)) $(seq) $(case [x a] (cmd echo)))",
                "echo $(ls -l | grep x) $(  ) $(case x in a) echo;; esac)");
        assertTree("(cmd echo $(cmd date) $(cmd echo $(cmd id)) \"$(cmd echo 'q') $(cmd echo '$x'))",
                "echo `date` `echo \\`id\\`` \"`echo \\\"q\\\"`\" `echo '\\$x'`");
    }

    @Test
    void arithmeticIsNotASubshell() throws ShellSyntaxException {
        assertTree("(cmd echo $((1 + 2)) $(( (1+2) * 3 )) $(sub (cmd echo a)) $((4*5)) \"$((x)))",
                "echo $((1 + 2)) $(( (1+2) * 3 )) $( (echo a) ) $[4*5] \"$((x))\"");
        assertTree("(seq ((( [ x = 1 + 2 ]) ((( [y++]) (sub (sub (cmd a))))",
                "(( x = 1 + 2 )) && ((y++)); ( (a) )");
    }

    @Test
    void processSubstitution() throws ShellSyntaxException {
        assertTree("(seq (cmd diff <(cmd sort a) >(cmd cat)) (cmd cat --x=<(cmd y) <<(cmd ls)))",
                "diff <(sort a) >(cat) && cat < <(ls) --x=<(y)");
    }

    @Test
    void pipelines() throws ShellSyntaxException {
        assertTree("(pipe (cmd a) (cmd b 2>&1) (cmd c))",
                "a | b |& c");
        assertTree("(!pipe (cmd a) (cmd b))",
                "! a | b");
        assertTree("(!pipe (cmd a))",
                "! a");
        assertTree("(pipe (cmd a) (cmd b))",
                "a |\nb");
    }

    @Test
    void lists() throws ShellSyntaxException {
        assertTree("(seq (cmd a) (cmd b) (cmd c) (cmd d) (cmd e) (cmd f))",
                "a && b || c; d & e\nf");
        assertTree("(cmd a)",
                "a &");
        assertTree("(seq (cmd a) (cmd b))",
                "a;\nb");
    }

    @Test
    void subshellsAndGroups() throws ShellSyntaxException {
        assertTree("(sub (seq (cmd a) (cmd b)) >x)",
                "(a; b) > x");
        assertTree("(group (seq (cmd c) (cmd d)) 2>/dev/null)",
                "{ c; d; } 2>/dev/null");
        assertTree("(group (sub (cmd a)))",
                "{(a)}");
    }

    @Test
    void redirections() throws ShellSyntaxException {
        assertTree("(cmd cmd >f >>f <f <>f >|f 2>&1 3<&- >&2 &>f &>>f 0<f {fd}>f 10>f)",
                "cmd >f >>f <f <>f >|f 2>&1 3<&- >&2 &>f &>>f 0<f {fd}>f 10>f");
        assertTree("(cmd cat <<<'here '\"${x} <<<word)",
                "cat <<< \"here $x\" <<<word");
        assertTree("(cmd echo a c >b 2>err)",
                "echo a>b 2>err c");
    }

    @Test
    void hereDocuments() throws ShellSyntaxException {
        assertTree("(cmd cat <<'hello '\"${USER}' '\"$(cmd id)'\\n\"quoted\" 'single' $x \\ \\q\\n')",
                "cat <<EOF\nhello $USER $(id)\n\"quoted\" 'single' \\$x \\\\ \\q\nEOF");
        assertTree("(cmd cat <<'raw $USER $(id)\\n')",
                "cat <<'EOF'\nraw $USER $(id)\nEOF");
        assertTree("(seq (cmd cat <<'a $x\\n') (cmd cat <<'b $y\\n'))",
                "cat <<\\EOF && cat <<E\"O\"F\na $x\nEOF\nb $y\nEOF");
        assertTree("(cmd cat <<-'tab '\"${x}'\\ntwo\\n')",
                "cat <<-EOF\n\ttab $x\n\t\ttwo\n\tEOF");
        assertTree("(seq (cmd cat <<'a '\"${1}'\\n' <<'b $2\\n') (cmd echo after))",
                "cat <<A <<\"B\"; echo after\na $1\nA\nb $2\nB");
        assertTree("(pipe (cmd cat <<'body\\n') (cmd grep x))",
                "cat <<EOF | grep x\nbody\nEOF");
        assertTree("(pipe (cmd cat <<'body\\n' 2>&1) (cmd grep x))",
                "cat <<EOF |& grep x\nbody\nEOF");
        assertTree("(cmd cat <<'no end '\"${x})",
                "cat <<EOF\nno end $x");
        assertTree("(cmd cat <<∅)",
                "cat <<EOF");
        assertTree("(cmd echo $(cmd cat <<'inner\\n'))",
                "echo $(cat <<EOF\ninner\nEOF\n)");
    }

    @Test
    void assignments() throws ShellSyntaxException {
        assertTree("(cmd [X=1] [Y+=2] [Z=∅] cmd)",
                "X=1 Y+=2 Z= cmd");
        assertTree("(cmd [arr=(1 '2 3' ${x})] [a[1]=x] [a[${i}]+=y])",
                "arr=(1 \"2 3\" $x) a[1]=x a[$i]+=y");
        assertTree("(cmd [arr=(a <[k]>=v)])",
                "arr=(\n  a # comment\n  [k]=v\n)");
        assertTree("(cmd declare -a x=(a b) y=1)",
                "declare -a x=(a b) y=1");
        assertTree("(cmd cmd X=1)",
                "cmd X=1");
    }

    @Test
    void ifCommands() throws ShellSyntaxException {
        assertTree("(if (cmd a) (cmd b))",
                "if a; then b; fi");
        assertTree("(if (cmd a) (cmd b) (cmd c) (cmd d) (cmd e) >log)",
                "if a; then b; elif c; then d; else e; fi > log");
        assertTree("(if (cmd true) (for [f <*>.py] (cmd echo \"${f})))",
                "if true; then\n  for f in *.py; do\n    echo \"$f\"\n  done\nfi");
    }

    @Test
    void loops() throws ShellSyntaxException {
        assertTree("(while (cmd read -r l) (cmd echo \"${l}) <f)",
                "while read -r l; do echo \"$l\"; done < f");
        assertTree("(until (cmd a) (cmd b))",
                "until a\ndo b\ndone");
        assertTree("(for [i a b {1,2,3}] (cmd echo ${i}))",
                "for i in a b {1..3}; do echo $i; done");
        assertTree("(for [x] (cmd :))",
                "for x; do :; done");
        assertTree("(for [x] (cmd :))",
                "for x\ndo :; done");
        assertTree("(for [i=0 i<3 i++] (cmd echo))",
                "for ((i=0; i<3; i++)); do echo; done");
        assertTree("(for [i a] (group (cmd echo)))",
                "for i in a; { echo; }");
        assertTree("(select [s a b] (cmd break))",
                "select s in a b; do break; done");
    }

    @Test
    void caseCommands() throws ShellSyntaxException {
        assertTree("(case [${x} a b <*>.txt c <*>] (cmd one) (cmd two) (seq) (seq))",
                "case $x in a|b) one;; *.txt) two;& (c) ;;& *) ;; esac");
        assertTree("(case [x a] (cmd echo))",
                "case x in\n  a) echo\nesac");
        assertTree("(case [x])",
                "case x in esac");
    }

    @Test
    void testCommands() throws ShellSyntaxException {
        assertTree("([[ [-f ${x} && ${y} == <*>.txt || ! ${z} =~ ^(a|b)$])",
                "[[ -f $x && $y == *.txt || ! $z =~ ^(a|b)$ ]]");
        assertTree("([[ [( a < b )] >f)",
                "[[ ( a < b ) ]] > f");
        assertTree("([[ [${x} == «~»/a])",
                "[[ $x == ~/a ]]");
    }

    @Test
    void functions() throws ShellSyntaxException {
        assertTree("(function [f] (group (cmd echo hi)))",
                "f() { echo hi; }");
        assertTree("(seq (function [g] (group (cmd echo))) (function [h] (sub (cmd echo) 2>&1)))",
                "function g { echo; }; function h() ( echo ) 2>&1");
        assertTree("(function [f] (group (cmd :)))",
                "f ()\n{\n  :\n}");
    }

    @Test
    void coprocesses() throws ShellSyntaxException {
        assertTree("(seq (coproc (cmd cat)) (coproc [NAME] (group (cmd cat))) (coproc (sub (cmd ls))))",
                "coproc cat; coproc NAME { cat; }; coproc ( ls )");
        assertTree("(pipe (coproc (cmd grep x)) (cmd y))",
                "coproc grep x | y");
    }

    @Test
    void comments() throws ShellSyntaxException {
        assertTree("(seq (cmd echo a) (cmd echo b#c))",
                "echo a # comment\necho b#c");
        assertTree("(seq)",
                "# only a comment");
    }

    @Test
    void reservedWordsOnlyInCommandPosition() throws ShellSyntaxException {
        assertTree("(cmd echo if then fi done { } ! [[)",
                "echo if then fi done { } ! [[");
        assertTree("(cmd 'if' a)",
                "\"if\" a");
        assertTree("(cmd !x)",
                "!x");
    }

    @Test
    void tildes() throws ShellSyntaxException {
        assertTree("(cmd echo «~» «~»/x «~root»/y a~ x=«~»/a:«~»/b '~' '~' ~'u' «~+»/a --k=~/a «~»/a:~/b dd if=«~»/.ssh/id)",
                "echo ~ ~/x ~root/y a~ x=~/a:~/b \"~\" \\~ ~\"u\" ~+/a --k=~/a ~/a:~/b dd if=~/.ssh/id");
        assertTree("(cmd [PATH=«~»/bin:«~»/x] cmd)",
                "PATH=~/bin:~/x cmd");
    }

    @Test
    void globs() throws ShellSyntaxException {
        assertTree("(cmd echo <*>.txt a<?>b <[abc]> <[!x]> <[]a]> [ a] <@(a|b)> <+(x)> <*(y|z)> <?(q)> <!(r)> a[b)",
                "echo *.txt a?b [abc] [!x] []a] [ a] @(a|b) +(x) *(y|z) ?(q) !(r) a[b");
    }

    @Test
    void braces() throws ShellSyntaxException {
        assertTree("(cmd echo {a,b}c {1,2,3} {3,2,1} {01,04,07,10} {a,b,c,d,e} {x,{y,z}} {} {a} a{b,c}d{e,f} {a,∅} {-1,0,1} {a,c,e})",
                "echo {a,b}c {1..3} {3..1} {01..10..3} {a..e} {x,{y,z}} {} {a} a{b,c}d{e,f} {a,} {-1..1} {a..e..2}");
        assertTree("(cmd echo {'a',b} {a','b} ${x}{a,b} {${x},y} {a,{b} {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,138,139,140,141,142,143,144,145,146,147,148,149,150,151,152,153,154,155,156,157,158,159,160,161,162,163,164,165,166,167,168,169,170,171,172,173,174,175,176,177,178,179,180,181,182,183,184,185,186,187,188,189,190,191,192,193,194,195,196,197,198,199,200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220,221,222,223,224,225,226,227,228,229,230,231,232,233,234,235,236,237,238,239,240,241,242,243,244,245,246,247,248,249,250,251,252,253,254,255,256,257,258,259,260,261,262,263,264,265,266,267,268,269,270,271,272,273,274,275,276,277,278,279,280,281,282,283,284,285,286,287,288,289,290,291,292,293,294,295,296,297,298,299,300,301,302,303,304,305,306,307,308,309,310,311,312,313,314,315,316,317,318,319,320,321,322,323,324,325,326,327,328,329,330,331,332,333,334,335,336,337,338,339,340,341,342,343,344,345,346,347,348,349,350,351,352,353,354,355,356,357,358,359,360,361,362,363,364,365,366,367,368,369,370,371,372,373,374,375,376,377,378,379,380,381,382,383,384,385,386,387,388,389,390,391,392,393,394,395,396,397,398,399,400,401,402,403,404,405,406,407,408,409,410,411,412,413,414,415,416,417,418,419,420,421,422,423,424,425,426,427,428,429,430,431,432,433,434,435,436,437,438,439,440,441,442,443,444,445,446,447,448,449,450,451,452,453,454,455,456,457,458,459,460,461,462,463,464,465,466,467,468,469,470,471,472,473,474,475,476,477,478,479,480,481,482,483,484,485,486,487,488,489,490,491,492,493,494,495,496,497,498,499,500,501,502,503,504,505,506,507,508,509,510,511,512,513,514,515,516,517,518,519,520,521,522,523,524,525,526,527,528,529,530,531,532,533,534,535,536,537,538,539,540,541,542,543,544,545,546,547,548,549,550,551,552,553,554,555,556,557,558,559,560,561,562,563,564,565,566,567,568,569,570,571,572,573,574,575,576,577,578,579,580,581,582,583,584,585,586,587,588,589,590,591,592,593,594,595,596,597,598,599,600,601,602,603,604,605,606,607,608,609,610,611,612,613,614,615,616,617,618,619,620,621,622,623,624,625,626,627,628,629,630,631,632,633,634,635,636,637,638,639,640,641,642,643,644,645,646,647,648,649,650,651,652,653,654,655,656,657,658,659,660,661,662,663,664,665,666,667,668,669,670,671,672,673,674,675,676,677,678,679,680,681,682,683,684,685,686,687,688,689,690,691,692,693,694,695,696,697,698,699,700,701,702,703,704,705,706,707,708,709,710,711,712,713,714,715,716,717,718,719,720,721,722,723,724,725,726,727,728,729,730,731,732,733,734,735,736,737,738,739,740,741,742,743,744,745,746,747,748,749,750,751,752,753,754,755,756,757,758,759,760,761,762,763,764,765,766,767,768,769,770,771,772,773,774,775,776,777,778,779,780,781,782,783,784,785,786,787,788,789,790,791,792,793,794,795,796,797,798,799,800,801,802,803,804,805,806,807,808,809,810,811,812,813,814,815,816,817,818,819,820,821,822,823,824,825,826,827,828,829,830,831,832,833,834,835,836,837,838,839,840,841,842,843,844,845,846,847,848,849,850,851,852,853,854,855,856,857,858,859,860,861,862,863,864,865,866,867,868,869,870,871,872,873,874,875,876,877,878,879,880,881,882,883,884,885,886,887,888,889,890,891,892,893,894,895,896,897,898,899,900,901,902,903,904,905,906,907,908,909,910,911,912,913,914,915,916,917,918,919,920,921,922,923,924,925,926,927,928,929,930,931,932,933,934,935,936,937,938,939,940,941,942,943,944,945,946,947,948,949,950,951,952,953,954,955,956,957,958,959,960,961,962,963,964,965,966,967,968,969,970,971,972,973,974,975,976,977,978,979,980,981,982,983,984,985,986,987,988,989,990,991,992,993,994,995,996,997,998,999,1000})",
                "echo {\"a\",b} {a\\,b} ${x}{a,b} {$x,y} {a,{b} {1..1000}");
    }

    @Test
    void unterminatedTextIsAnError() throws ShellSyntaxException {
        assertError("unterminated single quote at offset 5",
                "echo 'abc");
        assertError("unterminated double quote at offset 5",
                "echo \"abc");
        assertError("unterminated \"$'\" at offset 5",
                "echo $'abc");
        assertError("unterminated backquote at offset 5",
                "echo `ls");
        assertError("unterminated \"$(\" at offset 5",
                "echo $(ls");
        assertError("unterminated \"<(\" at offset 5",
                "echo <(ls");
        assertError("unterminated \"${\" at offset 5",
                "echo ${x");
        assertError("unterminated \"${\" at offset 5",
                "echo ${");
        assertError("unterminated \"$(\" at offset 10",
                "echo ${x:-$(a}");
        assertError("unterminated extglob pattern at offset 5",
                "echo @(a");
        assertError("unterminated array \"(\" at offset 2",
                "x=( a");
        assertError("unterminated \"$[\" at offset 5",
                "echo $[1");
    }

    @Test
    void incompleteCommandsAreErrors() throws ShellSyntaxException {
        assertError("expected a command after \"|\", found end of input at offset 8",
                "echo a |");
        assertError("expected a command, found end of input at offset 9",
                "echo a &&");
        assertError("expected a command, found end of input at offset 9",
                "echo a ||");
        assertError("expected a command after \"!\", found end of input at offset 2",
                "! ");
        assertError("missing \"fi\" to close \"if\" at offset 0",
                "if true; then echo");
        assertError("missing \"then\" to close \"if\" at offset 0",
                "if true");
        assertError("missing \"done\" to close \"while\" at offset 0",
                "while true; do :");
        assertError("missing \"do\" to close \"for\" at offset 0",
                "for i in a");
        assertError("missing \"esac\" to close \"case\" at offset 0",
                "case x in");
        assertError("missing \"esac\" to close \"case\" at offset 0",
                "case x in a) ;; b");
        assertError("missing \"}\" to close \"{\" at offset 0",
                "{ echo }");
        assertError("missing \")\" to close \"(\" at offset 0",
                "( echo");
        assertError("missing \"]]\" to close \"[[\" at offset 0",
                "[[ a");
        assertError("expected a compound command as the function body, found end of input at offset 3",
                "f()");
        assertError("expected a function name after \"function\" at offset 8",
                "function");
        assertError("expected a here-document delimiter after \"<<\" at offset 6",
                "cat <<");
        assertError("expected a word after \">\" at offset 6",
                "echo >");
        assertError("expected a word after \">&\" at offset 9",
                "echo a >&");
        assertError("missing \")\" to close \"(\" at offset 7",
                "echo $(( 1 +");
    }

    @Test
    void strayTokensAreErrors() throws ShellSyntaxException {
        assertError("unexpected \")\" at offset 0",
                ")");
        assertError("unexpected \";;\" at offset 1",
                "a;;");
        assertError("unexpected \"fi\" at offset 0",
                "fi");
        assertError("unexpected \"then\" at offset 0",
                "then x");
        assertError("expected a command, found \";\" at offset 8",
                "echo a; ;");
        assertError("expected a command, found \"||\" at offset 5",
                "a && || b");
        assertError("expected a command, found \"&\" at offset 4",
                "a & & b");
        assertError("unexpected \"(\" at offset 6",
                "echo a(b)");
        assertError("unexpected a word at offset 9",
                "(echo a) b");
        assertError("expected a command after \"{\", found \"}\" at offset 2",
                "{ }");
        assertError("expected a command after \"(\", found \")\" at offset 2",
                "( )");
        assertError("expected a command, found \";\" at offset 10",
                "if a; then; fi");
        assertError("expected a command after \"|\", found \"!\" at offset 9",
                "echo x | ! y");
        assertError("unexpected \";\" at offset 5",
                "[[ a ; ]]");
        assertError("expected a compound command as the function body, found a word at offset 4",
                "f() echo");
        assertError("expected \"in\" after the word of \"case\", found end of input at offset 7",
                "case in");
        assertError("expected a variable name after \"for\" at offset 5",
                "for 1 in a; do :; done");
    }

    @Test
    void unsupportedExpansionsAreErrors() throws ShellSyntaxException {
        assertError("bad substitution at offset 5",
                "echo ${}");
        assertError("bad substitution at offset 5",
                "echo ${x!}");
        assertError("unsupported indirect expansion with an operator at offset 5",
                "echo ${!x:-a}");
    }

    @Test
    void bracesPastTheCapAreErrors() throws ShellSyntaxException {
        assertError("brace expansion makes more than 1000 words at offset 5",
                "echo {1..1001}");
        assertError("brace expansion makes more than 1000 words at offset 5",
                "echo {1..40}{1..40}");
        assertError("brace expansion makes more than 1000 words at offset 5",
                "echo {a,b}{1..501}");
    }

    @Test
    void partsKeepTheirKindAndQuoting() throws ShellSyntaxException {
        Node.Simple simple = (Node.Simple) ShellParser.parse("echo \"$HOME\"/x'y'");
        assertEquals(List.of(new Part.Param("HOME", null, null, true), new Part.Literal("/x", false),
                new Part.Literal("y", true)), simple.words().get(1).parts());
        assertEquals("echo", simple.words().get(0).literal());
        assertNull(simple.words().get(1).literal());
    }

    @Test
    void aSubscriptIsKeptBesideAnotherOperator() throws ShellSyntaxException {
        Node.Simple simple = (Node.Simple) ShellParser.parse("echo ${a[$(id)]:-x} ${a[1]}");
        Part.Param withDefault = (Part.Param) simple.words().get(1).parts().get(0);
        assertEquals(":-", withDefault.operator());
        assertTrue(withDefault.subscript().parts().get(0) instanceof Part.CommandSub);
        Part.Param plain = (Part.Param) simple.words().get(2).parts().get(0);
        assertEquals("[", plain.operator());
        assertEquals("1", plain.argument().literal());
        assertEquals(plain.argument(), plain.subscript());
    }

    @Test
    void theRulesCannotChangeTheRedirections() throws ShellSyntaxException {
        Node.Simple simple = (Node.Simple) ShellParser.parse("cat <<EOF >x\nbody\nEOF");
        assertEquals(List.of(new Redirect(null, "<<", new Word(List.of(new Part.Literal("body\n", true)))), new Redirect(null, ">", Word.of("x"))),
                simple.redirects());
        assertThrows(UnsupportedOperationException.class, () -> simple.redirects().add(null));
        assertThrows(UnsupportedOperationException.class, () -> simple.words().add(null));
    }

    @Test
    void arithmeticTextCanBeReadForItsExpansions() throws ShellSyntaxException {
        assertEquals("'1 + '\"$(cmd cat f)' * '\"${x}' + y'", Sexp.of(ShellParser.parseArithmetic("1 + $(cat f) * $x + y")));
        assertEquals("\"$(cmd id)", Sexp.of(ShellParser.parseArithmetic("`id`")));
        assertError("unterminated \"$(\" at offset 0", "$(( $(x ))");
        assertThrows(ShellSyntaxException.class, () -> ShellParser.parseArithmetic("$(x"));
    }

    @Test
    void limitsAreErrors() {
        assertError("command longer than 65536 characters", "x".repeat(ShellParser.MAX_LENGTH + 1));
        assertError("nesting deeper than 64 levels at offset 64", "(".repeat(100));
        assertError("nesting deeper than 64 levels at offset 128", "$(".repeat(100));
        assertError("nesting deeper than 64 levels at offset 193", "\"$(".repeat(100));
        assertError("nesting deeper than 64 levels at offset 320", "${x:-".repeat(100));
        assertError("nesting deeper than 64 levels at offset 5", "echo " + "{a,".repeat(100) + "}".repeat(100));
        assertError("brace expansions make more than 10000 words in all at offset 105",
                "echo" + " {1..1000}".repeat(11));
        assertFalse(assertThrows(ShellSyntaxException.class, () -> ShellParser.parse("echo 'secret-value"))
                .getMessage().contains("secret"));
    }
}
