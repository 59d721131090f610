from bigshire_game.cli import main

raise SystemExit(main())
