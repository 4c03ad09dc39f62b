package workers_test

import (
	"fmt"

	"github.com/lensnet/lensnet/internal/workers"
)

func ExampleEach() {
	squares := make([]int, 5)
	workers.Each(len(squares), func(i int) { squares[i] = i * i })
	fmt.Println(squares)
	// Output: [0 1 4 9 16]
}
