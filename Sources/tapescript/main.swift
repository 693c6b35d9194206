import TapescriptCLI

Tapescript.main()
