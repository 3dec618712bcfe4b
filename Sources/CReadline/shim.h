// GNU readline for the calc REPL. stdio.h must come before readline's headers.
// Small setters keep Swift from touching readline's C globals directly
// (Swift 6 rejects such writes as not concurrency-safe).
#ifndef CALC_READLINE_SHIM_H
#define CALC_READLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

static inline void calc_rl_set_completer(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void calc_rl_set_completion_over(int v) { rl_attempted_completion_over = v; }
static inline void calc_rl_set_append_character(int c) { rl_completion_append_character = c; }
static inline void calc_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void calc_rl_set_signal_event_hook(rl_hook_func_t *f) { rl_signal_event_hook = f; }
static inline void calc_rl_set_catch_signals(int v) { rl_catch_signals = v; }
static inline void calc_rl_set_word_break_characters(const char *s) { rl_basic_word_break_characters = s; }
static inline const char *calc_rl_line_buffer(void) { return rl_line_buffer; }
static inline int calc_rl_point(void) { return rl_point; }
static inline void calc_rl_clear_line(void) {
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}
static inline void calc_rl_set_done(int v) { rl_done = v; }
#endif
