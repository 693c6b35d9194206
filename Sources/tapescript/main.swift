import TapescriptCLI

Tapescript.runAndExit()
