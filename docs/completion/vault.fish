# fish completion for vault, made from its commands by `vault completion fish`: do not edit.
# Save it as ~/.config/fish/completions/vault.fish (docs/shell-completion.md).

# The subcommands of a vault command ("" is vault itself).
function __vault_subcommands --argument-names command
    switch $command
        case ''
            printf '%s\n' 'init' 'identity' 'set' 'import' 'rotate' 'get' 'list' 'history' 'rm' 'purge' 'grant' 'revoke' 'rekey' 'doctor' 'exec' 'fingerprint' 'check-env' 'which' 'audit' 'guard' 'redact' 'demo' 'completion'
        case 'identity'
            printf '%s\n' 'new' 'add' 'list'
        case 'audit'
            printf '%s\n' 'verify' 'log' 'checkpoint' 'repair'
        case 'guard'
            printf '%s\n' 'check' 'install'
    end
end

# The options of a vault command that take a value.
function __vault_value_options --argument-names command
    switch $command
        case ''
            printf '%s\n' '--vault' '-i' '--identity'
        case 'init'
            printf '%s\n' '--name' '--vault' '-i' '--identity'
        case 'identity'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'identity new'
            printf '%s\n' '-o' '--output' '--note' '--vault' '-i' '--identity'
        case 'identity add'
            printf '%s\n' '--note' '--vault' '-i' '--identity'
        case 'identity list'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'set'
            printf '%s\n' '--purpose' '--env' '--reader' '--from-file' '--vault' '-i' '--identity'
        case 'import'
            printf '%s\n' '--purpose' '--prefix' '--reader' '--only' '--vault' '-i' '--identity'
        case 'rotate'
            printf '%s\n' '--from-file' '--vault' '-i' '--identity'
        case 'get'
            printf '%s\n' '--version' '-o' '--output' '--purpose' '--vault' '-i' '--identity'
        case 'list'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'history'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'rm'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'purge'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'grant'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'revoke'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'rekey'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'doctor'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'exec'
            printf '%s\n' '--only' '--keep-env' '--purpose' '--vault' '-i' '--identity'
        case 'fingerprint'
            printf '%s\n' '--purpose' '--vault' '-i' '--identity'
        case 'check-env'
            printf '%s\n' '--pid' '--env-file' '--only' '--purpose' '--vault' '-i' '--identity'
        case 'which'
            printf '%s\n' '--purpose' '--vault' '-i' '--identity'
        case 'audit'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'audit verify'
            printf '%s\n' '--checkpoint' '--key' '--vault' '-i' '--identity'
        case 'audit log'
            printf '%s\n' '--secret' '--action' '--since' '--vault' '-i' '--identity'
        case 'audit checkpoint'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'audit repair'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'guard'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'guard check'
            printf '%s\n' '--command' '--hook' '--batch' '--vault' '-i' '--identity'
        case 'guard install'
            printf '%s\n' '--project' '--rc' '--vault' '-i' '--identity'
        case 'redact'
            printf '%s\n' '--only' '--purpose' '--vault' '-i' '--identity'
        case 'demo'
            printf '%s\n' '--vault' '-i' '--identity'
        case 'completion'
            printf '%s\n' '--vault' '-i' '--identity'
    end
end

# The vault command the words before the cursor name: "", "audit", "audit verify"...
function __vault_command
    set -l words (commandline -opc)
    set -e words[1]
    set -l command ''
    set -l value_next 0
    for word in $words
        if test $value_next = 1
            set value_next 0
        else if string match -q -- '--*=*' $word
            continue
        else if string match -q -- '-*' $word
            contains -- $word (__vault_value_options $command); and set value_next 1
        else if contains -- $word (__vault_subcommands $command)
            set command (string trim -- "$command $word")
        end
    end
    echo $command
end

# Whether the words before the cursor name this command.
function __vault_at --argument-names command
    set -l at (__vault_command)
    test "$at" = "$command"
end

complete -c vault -f

# vault
complete -c vault -n '__vault_at ""' -a 'init' -d 'Create a vault: .vault/ here (or --vault DIR) with manifest.yaml, secrets/ and audit/.'
complete -c vault -n '__vault_at ""' -a 'identity' -d 'Make and list age identities for people and agents (one per agent).'
complete -c vault -n '__vault_at ""' -a 'set' -d 'Store a value read from stdin (or --from-file), never from the command line.'
complete -c vault -n '__vault_at ""' -a 'import' -d 'Store each variable of a dotenv file as a secret that `vault exec` sets it from.'
complete -c vault -n '__vault_at ""' -a 'rotate' -d 'Store a new value of an existing secret, read from stdin (or --from-file), and record today as its `rotated` date in the manifest.'
complete -c vault -n '__vault_at ""' -a 'get' -d 'Print a secret\'s value: the exact bytes, no newline added.'
complete -c vault -n '__vault_at ""' -a 'list' -d 'List the secrets: name, purpose, env, versions, last change. Never values.'
complete -c vault -n '__vault_at ""' -a 'history' -d 'List the kept versions of a secret (also of a removed one).'
complete -c vault -n '__vault_at ""' -a 'rm' -d 'Remove a secret\'s current value; its versions stay until `vault purge`.'
complete -c vault -n '__vault_at ""' -a 'purge' -d 'Delete every version of a secret for good. Needs --yes.'
complete -c vault -n '__vault_at ""' -a 'grant' -d 'Add an identity or group to a secret\'s readers in the manifest, and encrypt the secret again so that it can read it.'
complete -c vault -n '__vault_at ""' -a 'revoke' -d 'Remove an identity or group from a secret\'s readers in the manifest, and encrypt the secret again without its key.'
complete -c vault -n '__vault_at ""' -a 'rekey' -d 'Encrypt again every secret (or only NAME...) whose file is not encrypted to the readers and admins the manifest gives it.'
complete -c vault -n '__vault_at ""' -a 'doctor' -d 'Check the vault and name the command that fixes each problem found.'
complete -c vault -n '__vault_at ""' -a 'exec' -d 'Run a command with secrets in its environment.'
complete -c vault -n '__vault_at ""' -a 'fingerprint' -d 'Print a keyed fingerprint (vfp1:…) of a secret\'s value, or of stdin, to compare values unseen.'
complete -c vault -n '__vault_at ""' -a 'check-env' -d 'Compare a process\'s or an env file\'s variables with the vault\'s values, by fingerprint.'
complete -c vault -n '__vault_at ""' -a 'which' -d 'Say which secret `vault exec` would set a variable from, with its fingerprint.'
complete -c vault -n '__vault_at ""' -a 'audit' -d 'Verify, read, checkpoint and repair the hash-chained audit log.'
complete -c vault -n '__vault_at ""' -a 'guard' -d 'Keep secret values, key material and the environment out of an agent\'s conversation.'
complete -c vault -n '__vault_at ""' -a 'redact' -d 'Copy stdin to stdout with every secret value this identity can read masked as [masked:NAME].'
complete -c vault -n '__vault_at ""' -a 'demo' -d 'A guided run through the main features, in a temporary folder that is deleted afterwards.'
complete -c vault -n '__vault_at ""' -a 'completion' -d 'Print a shell completion script: vault completion bash|zsh|fish.'
complete -c vault -n '__vault_at ""' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at ""' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at ""' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at ""' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c vault -n '__vault_at ""' -s 'V' -l 'version' -d 'Print version information and exit.'

# vault init
complete -c vault -n '__vault_at "init"' -l 'name' -x -d 'The name your identity gets in the manifest (default: your user name).'
complete -c vault -n '__vault_at "init"' -l 'pq' -d 'Make a post-quantum identity (ML-KEM-768 + X25519, recipient age1pq1…; age reads it from version 1.3) instead of an X25519 one.'
complete -c vault -n '__vault_at "init"' -l 'passphrase' -d 'Encrypt the identity file with a passphrase, as `age -p` does: the first line of the 0600 file $VAULT_PASSPHRASE_FILE names, else typed twice without echo.'
complete -c vault -n '__vault_at "init"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "init"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "init"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "init"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault identity
complete -c vault -n '__vault_at "identity"' -a 'new' -d 'Make an identity, write it to a 0600 file and record NAME -> recipient in the manifest.'
complete -c vault -n '__vault_at "identity"' -a 'add' -d 'Record a key made elsewhere in the manifest: NAME -> RECIPIENT.'
complete -c vault -n '__vault_at "identity"' -a 'list' -d 'List the identities in the manifest: name, recipient, note.'
complete -c vault -n '__vault_at "identity"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "identity"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "identity"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "identity"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault identity new
complete -c vault -n '__vault_at "identity new"' -s 'o' -l 'output' -r -F -d 'Where to write it (default: $XDG_CONFIG_HOME/vault/identities/NAME.txt).'
complete -c vault -n '__vault_at "identity new"' -l 'note' -x -d 'A note for the manifest on who holds it.'
complete -c vault -n '__vault_at "identity new"' -l 'pq' -d 'Make a post-quantum identity (ML-KEM-768 + X25519, recipient age1pq1…; age reads it from version 1.3) instead of an X25519 one.'
complete -c vault -n '__vault_at "identity new"' -l 'passphrase' -d 'Encrypt the identity file with a passphrase, as `age -p` does: the first line of the 0600 file $VAULT_PASSPHRASE_FILE names, else typed twice without echo.'
complete -c vault -n '__vault_at "identity new"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "identity new"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "identity new"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "identity new"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault identity add
complete -c vault -n '__vault_at "identity add"' -l 'note' -x -d 'A note for the manifest on who holds it.'
complete -c vault -n '__vault_at "identity add"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "identity add"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "identity add"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "identity add"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault identity list
complete -c vault -n '__vault_at "identity list"' -l 'json' -d 'Print JSON (docs/json.md).'
complete -c vault -n '__vault_at "identity list"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "identity list"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "identity list"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "identity list"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault set
complete -c vault -n '__vault_at "set"' -l 'purpose' -x -d 'What the secret is for (kept in the manifest).'
complete -c vault -n '__vault_at "set"' -l 'env' -x -d 'The variable `vault exec` sets from it.'
complete -c vault -n '__vault_at "set"' -l 'reader' -x -d 'A new secret\'s readers: identities or groups (default: every identity). Later, `vault grant` and `vault revoke` change them.'
complete -c vault -n '__vault_at "set"' -l 'from-file' -r -F -d 'Read the value from FILE instead of stdin.'
complete -c vault -n '__vault_at "set"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "set"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "set"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "set"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault import
complete -c vault -n '__vault_at "import"' -l 'purpose' -x -d 'What the new secrets are for (else asked for each on a terminal).'
complete -c vault -n '__vault_at "import"' -l 'prefix' -x -d 'Name new secrets PATH/var, such as app/db_password.'
complete -c vault -n '__vault_at "import"' -l 'force' -d 'Store new versions of secrets that have a value (the old ones are kept).'
complete -c vault -n '__vault_at "import"' -l 'reader' -x -d 'The new secrets\' readers: identities or groups (default: every identity).'
complete -c vault -n '__vault_at "import"' -l 'only' -x -d 'Import only these variables.'
complete -c vault -n '__vault_at "import"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "import"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "import"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "import"' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c vault -n '__vault_at "import"' -F -d 'FILE'

# vault rotate
complete -c vault -n '__vault_at "rotate"' -l 'from-file' -r -F -d 'Read the value from FILE instead of stdin.'
complete -c vault -n '__vault_at "rotate"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "rotate"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "rotate"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "rotate"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault get
complete -c vault -n '__vault_at "get"' -l 'version' -x -d 'An earlier version (see `vault history`).'
complete -c vault -n '__vault_at "get"' -s 'o' -l 'output' -r -F -d 'Write to FILE (mode 0600, atomically).'
complete -c vault -n '__vault_at "get"' -l 'purpose' -x -d 'Why you read it, for the audit log.'
complete -c vault -n '__vault_at "get"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "get"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "get"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "get"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault list
complete -c vault -n '__vault_at "list"' -l 'json' -d 'Print JSON (docs/json.md).'
complete -c vault -n '__vault_at "list"' -l 'due' -d 'Only secrets overdue for rotation or expired, or due or expiring within 14 days.'
complete -c vault -n '__vault_at "list"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "list"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "list"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "list"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault history
complete -c vault -n '__vault_at "history"' -l 'json' -d 'Print JSON (docs/json.md).'
complete -c vault -n '__vault_at "history"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "history"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "history"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "history"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault rm
complete -c vault -n '__vault_at "rm"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "rm"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "rm"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "rm"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault purge
complete -c vault -n '__vault_at "purge"' -l 'yes' -d 'Confirm that every version is to be deleted.'
complete -c vault -n '__vault_at "purge"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "purge"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "purge"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "purge"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault grant
complete -c vault -n '__vault_at "grant"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "grant"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "grant"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "grant"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault revoke
complete -c vault -n '__vault_at "revoke"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "revoke"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "revoke"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "revoke"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault rekey
complete -c vault -n '__vault_at "rekey"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "rekey"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "rekey"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "rekey"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault doctor
complete -c vault -n '__vault_at "doctor"' -l 'json' -d 'Print JSON: an array of {check, status, message, fix} (docs/json.md).'
complete -c vault -n '__vault_at "doctor"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "doctor"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "doctor"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "doctor"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault exec
complete -c vault -n '__vault_at "exec"' -l 'only' -x -d 'Inject only these variables.'
complete -c vault -n '__vault_at "exec"' -l 'keep-env' -x -d 'If this environment already sets VAR, keep that value instead of the vault\'s.'
complete -c vault -n '__vault_at "exec"' -l 'purpose' -x -d 'Why the command needs them, for the audit log.'
complete -c vault -n '__vault_at "exec"' -l 'no-mask' -d 'Show the command\'s output unmasked, on the terminal itself (for programs that need one, such as editors). Said on stderr and recorded in the audit log.'
complete -c vault -n '__vault_at "exec"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "exec"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "exec"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "exec"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault fingerprint
complete -c vault -n '__vault_at "fingerprint"' -l 'stdin' -d 'Fingerprint the value on stdin (its exact bytes) instead.'
complete -c vault -n '__vault_at "fingerprint"' -l 'trim-newline' -d 'With --stdin: drop one line ending (\\n or \\r\\n) at the end, as printenv, echo and docker exec -t add.'
complete -c vault -n '__vault_at "fingerprint"' -l 'purpose' -x -d 'Why, for the audit log.'
complete -c vault -n '__vault_at "fingerprint"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "fingerprint"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "fingerprint"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "fingerprint"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault check-env
complete -c vault -n '__vault_at "check-env"' -l 'pid' -x -d 'A running process (reads /proc/PID/environ).'
complete -c vault -n '__vault_at "check-env"' -l 'env-file' -r -F -d 'A dotenv file (KEY=VALUE lines).'
complete -c vault -n '__vault_at "check-env"' -l 'only' -x -d 'Check only these variables.'
complete -c vault -n '__vault_at "check-env"' -l 'purpose' -x -d 'Why, for the audit log.'
complete -c vault -n '__vault_at "check-env"' -l 'json' -d 'Print JSON (docs/json.md).'
complete -c vault -n '__vault_at "check-env"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "check-env"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "check-env"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "check-env"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault which
complete -c vault -n '__vault_at "which"' -l 'purpose' -x -d 'Why, for the audit log.'
complete -c vault -n '__vault_at "which"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "which"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "which"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "which"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault audit
complete -c vault -n '__vault_at "audit"' -a 'verify' -d 'Check every entry of the audit log: canonical form, hash, seq continuity and the link to the one before.'
complete -c vault -n '__vault_at "audit"' -a 'log' -d 'Show audit entries, oldest first, as a table (or --json: the entries\' own JSON lines).'
complete -c vault -n '__vault_at "audit"' -a 'checkpoint' -d 'Verify the log, then print a signed checkpoint of its head.'
complete -c vault -n '__vault_at "audit"' -a 'repair' -d 'Move a torn tail of the audit log to audit/quarantine/ and record the repair.'
complete -c vault -n '__vault_at "audit"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "audit"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "audit"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "audit"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault audit verify
complete -c vault -n '__vault_at "audit verify"' -l 'checkpoint' -r -F -d 'A checkpoint the log must extend.'
complete -c vault -n '__vault_at "audit verify"' -l 'key' -r -F -d 'The verifier key of the checkpoint\'s signer (default: the checkpoint key\'s .pub in the config folder).'
complete -c vault -n '__vault_at "audit verify"' -l 'json' -d 'Print the result as JSON, also when the chain is broken (docs/json.md).'
complete -c vault -n '__vault_at "audit verify"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "audit verify"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "audit verify"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "audit verify"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault audit log
complete -c vault -n '__vault_at "audit log"' -l 'secret' -x -d 'Only entries about this secret.'
complete -c vault -n '__vault_at "audit log"' -l 'action' -x -d 'Only this action (get, exec, set, rm, ...).'
complete -c vault -n '__vault_at "audit log"' -l 'since' -x -d 'Only entries from TIME on: 2026-11-21, 2026-11-21T09:30:00Z, or an age such as 30m, 24h, 7d.'
complete -c vault -n '__vault_at "audit log"' -l 'json' -d 'Print each entry\'s JSON line, as stored (docs/json.md).'
complete -c vault -n '__vault_at "audit log"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "audit log"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "audit log"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "audit log"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault audit checkpoint
complete -c vault -n '__vault_at "audit checkpoint"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "audit checkpoint"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "audit checkpoint"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "audit checkpoint"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault audit repair
complete -c vault -n '__vault_at "audit repair"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "audit repair"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "audit repair"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "audit repair"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault guard
complete -c vault -n '__vault_at "guard"' -a 'check' -d 'Decide whether a shell command may run without showing a secret.'
complete -c vault -n '__vault_at "guard"' -a 'install' -d 'Install the guard\'s check as Claude Code\'s hook, or print a bash or zsh DEBUG trap.'
complete -c vault -n '__vault_at "guard"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "guard"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "guard"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "guard"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault guard check
complete -c vault -n '__vault_at "guard check"' -l 'command' -x -d 'One command line.'
complete -c vault -n '__vault_at "guard check"' -l 'hook' -x -d 'Answer an agent\'s hook: claude-code, codex, gemini, cursor or copilot.'
complete -c vault -n '__vault_at "guard check"' -l 'batch' -r -F -d 'One command per line; - for stdin.'
complete -c vault -n '__vault_at "guard check"' -l 'json' -d '--command: the decision as one JSON object on stdout, and no deny lines on stderr; --batch: one JSON object per line. With --hook it does not apply (a warning says so).'
complete -c vault -n '__vault_at "guard check"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "guard check"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "guard check"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "guard check"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault guard install
complete -c vault -n '__vault_at "guard install"' -l 'project' -x -a '(__fish_complete_directories)' -d 'claude-code: the project folder (default: here).'
complete -c vault -n '__vault_at "guard install"' -l 'user' -d 'claude-code: the user\'s settings instead of the project\'s.'
complete -c vault -n '__vault_at "guard install"' -l 'rc' -r -F -d 'bash, zsh: add the snippet to this file.'
complete -c vault -n '__vault_at "guard install"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "guard install"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "guard install"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "guard install"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault redact
complete -c vault -n '__vault_at "redact"' -l 'only' -x -d 'Mask only these secrets.'
complete -c vault -n '__vault_at "redact"' -l 'purpose' -x -d 'Why you redact with them, for the audit log.'
complete -c vault -n '__vault_at "redact"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "redact"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "redact"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "redact"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault demo
complete -c vault -n '__vault_at "demo"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "demo"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "demo"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "demo"' -s 'h' -l 'help' -d 'Show this help message and exit.'

# vault completion
complete -c vault -n '__vault_at "completion"' -l 'vault' -x -a '(__fish_complete_directories)' -d 'The vault folder (default: $VAULT_DIR, else the nearest .vault/ upward).'
complete -c vault -n '__vault_at "completion"' -s 'i' -l 'identity' -r -F -d 'The identity file (default: $VAULT_IDENTITY, else $XDG_CONFIG_HOME/vault/identity.txt).'
complete -c vault -n '__vault_at "completion"' -l 'debug' -d 'Print stack traces of errors.'
complete -c vault -n '__vault_at "completion"' -s 'h' -l 'help' -d 'Show this help message and exit.'
complete -c vault -n '__vault_at "completion"' -a 'bash zsh fish' -d 'SHELL'
