// GNU readline for the calc REPL. stdio.h must come before readline's headers.
// Small setters keep Swift from touching readline's C globals directly
// (Swift 6 rejects such writes as not concurrency-safe).
#ifndef CALC_READLINE_SHIM_H
#define CALC_READLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <langinfo.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void calc_rl_set_completer(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void calc_rl_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void calc_rl_set_append_character(int c) { rl_completion_append_character = c; }
static inline void calc_rl_set_signal_event_hook(rl_hook_func_t *f) { rl_signal_event_hook = f; }
static inline const char *calc_rl_line_buffer(void) { return rl_line_buffer; }
static inline void calc_rl_clear_line(void) {
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}

// --- added for the REPL (LineEditor.swift, Completion.swift) ---

/// One-time set-up: the application name for ~/.inputrc (`$if calc`), word
/// breaks for calc's syntax (`:` is kept inside a word so `:he` completes to
/// `:help`; `(` `,` and operators end a word so `sin(sigm` completes
/// `sigm`), `"` as a quote for `:load "file"`, and no LINES/COLUMNS writes
/// into the environment.
static inline void calc_rl_configure(void) {
    rl_readline_name = "calc";
    rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{}()[],+-*/^!~%\\";
    rl_completer_word_break_characters = rl_basic_word_break_characters;
    rl_completer_quote_characters = "\"";
    rl_change_environment = 0;
    rl_catch_signals = 1;
    rl_catch_sigwinch = 1;
}
/// The character just after the cursor (0 at the end of the line).
static inline int calc_rl_char_after_point(void) {
    if (rl_line_buffer == NULL || rl_point < 0 || rl_point >= rl_end) return 0;
    return (unsigned char)rl_line_buffer[rl_point];
}
/// The character just before the cursor (0 at the start of the line).
static inline int calc_rl_char_before_point(void) {
    if (rl_line_buffer == NULL || rl_point <= 0 || rl_point > rl_end) return 0;
    return (unsigned char)rl_line_buffer[rl_point - 1];
}
/// True when the last editing command was a completion (Tab): the key just
/// typed follows what the completion inserted (Completion.swift's `(` key).
static inline int calc_rl_last_command_was_completion(void) {
    return rl_last_func == rl_complete || rl_last_func == rl_menu_complete;
}
/// Binds a key of the current keymap to a command.
static inline void calc_rl_bind_key(int key, rl_command_func_t *f) { rl_bind_key(key, f); }
/// Prompts and the echo go to stderr (when stdout is redirected but the user
/// still types at a terminal: `calc | tee log`).
static inline void calc_rl_output_to_stderr(void) { rl_outstream = stderr; }
/// Ctrl-C while reading: forget the line, show a fresh prompt (`prompt`).
static inline void calc_rl_cancel_line(const char *prompt) {
    rl_set_prompt(prompt);
    calc_rl_clear_line();
}
/// True when the C library's character type is UTF-8 (after setlocale).
static inline int calc_codeset_is_utf8(void) {
    const char *c = nl_langinfo(CODESET);
    return c != NULL && (strcmp(c, "UTF-8") == 0 || strcmp(c, "utf8") == 0);
}
#endif
