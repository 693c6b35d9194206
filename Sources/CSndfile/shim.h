#include <sndfile.h>

// Swift imports SF_CUES's fixed-size `cue_points[100]` array as a 100-element tuple,
// which cannot be indexed; this helper hands out one element by position.
static inline SF_CUE_POINT tapescript_cue_point(const SF_CUES *cues, unsigned index) {
    return cues->cue_points[index];
}
