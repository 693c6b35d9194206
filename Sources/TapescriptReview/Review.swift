/// The terminal UI for reviewing an interview: the screen, the keys, the state machine and playback.
public enum Review {}
