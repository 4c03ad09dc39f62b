// Package workers runs work on as many goroutines as there are
// processors (runtime.GOMAXPROCS), the one worker pool lensnet's
// packages share: Each and EachBatch hand out indices until none are
// left, EachUntil stops handing them out after a failure, and Queue
// takes items while a producer is still finding them. With one
// processor everything runs on the calling goroutine, in order.
package workers
