.PHONY: test bench
test:
	./scripts/test.sh

bench:
	go test -run '^$$' -bench . -benchmem ./...
