/// Drafts for the interviewee: what goes out by e-mail, and reading back what comes in.
public enum Drafts {}
