// Node specs run with real timers; give SDK-against-mock-server specs room on a loaded 2-core machine.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 20_000;
