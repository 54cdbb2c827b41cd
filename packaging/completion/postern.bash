# bash completion for postern and postern-run (installed under both names), with bash-completion's
# helpers. The options come from the programs' own --help, so they never fall behind.

_postern_run_words()
{
    local program=$1 cur=$2 prev=$3
    shift 3 # what follows: the words before the current one, after the program (e.g. "token get")
    case $prev in
    -e | --environment | -g | --globals | -d | --iteration-data | --export-environment | \
        --export-globals | --reporter-json-export | --reporter-junit-export | --ssl-extra-ca-certs | \
        --ssl-client-cert | --ssl-client-key | --cookie-jar | --export-cookie-jar)
        _filedir
        return
        ;;
    --workspace)
        _filedir -d
        return
        ;;
    --color)
        mapfile -t COMPREPLY < <(compgen -W 'auto on off' -- "$cur")
        return
        ;;
    -r | --reporters)
        mapfile -t COMPREPLY < <(compgen -W 'cli progress json junit' -- "$cur")
        return
        ;;
    --parallel | --shard | -n | --iteration-count | --folder | --request | --env-var | --global-var | \
        --delay-request | --timeout | --timeout-request | --timeout-script | --ssl-client-passphrase)
        return # a value of the user's own
        ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W '$(_parse_help "$program" "$* --help")' -- "$cur")
        [[ ${COMPREPLY-} == *= ]] && compopt -o nospace
        return
    fi
    if [[ $1 == token && $# -eq 1 ]]; then
        mapfile -t COMPREPLY < <(compgen -W 'get' -- "$cur")
        return
    fi
    _filedir json
}

_postern_run()
{
    local cur prev words cword
    _init_completion || return
    if [[ ${words[1]} == token ]]; then
        _postern_run_words "$1" "$cur" "$prev" "${words[@]:1:cword-1}"
    else
        _postern_run_words "$1" "$cur" "$prev"
    fi
}

_postern()
{
    local cur prev words cword
    _init_completion || return
    if ((cword >= 2)) && [[ ${words[1]} == run ]]; then
        _postern_run_words "${1}-run" "$cur" "$prev"
        return
    fi
    if ((cword >= 2)) && [[ ${words[1]} == token ]]; then
        _postern_run_words "${1}-run" "$cur" "$prev" "${words[@]:1:cword-1}"
        return
    fi
    case $prev in
    --workspace)
        _filedir -d
        return
        ;;
    --instance)
        return
        ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W '$(_parse_help "$1")' -- "$cur")
        return
    fi
    if ((cword == 1)); then
        mapfile -t COMPREPLY < <(compgen -W 'run token' -- "$cur")
    fi
    # The files Postern opens: collections, environments, curl commands in text files.
    _filedir
}

complete -F _postern postern
complete -F _postern_run postern-run
