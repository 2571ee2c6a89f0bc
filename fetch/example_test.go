package fetch_test

import (
	"fmt"
	"net/netip"

	"github.com/precis-news/precis/fetch"
)

func ExamplePublic() {
	for _, ip := range []string{"93.184.216.34", "127.0.0.1", "169.254.169.254", "::ffff:10.0.0.1"} {
		fmt.Println(ip, fetch.Public(netip.MustParseAddr(ip)))
	}
	// Output:
	// 93.184.216.34 true
	// 127.0.0.1 false
	// 169.254.169.254 false
	// ::ffff:10.0.0.1 false
}
