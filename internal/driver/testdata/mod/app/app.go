package app

import (
	"crypto/tls"

	"example.com/m/client"
	"example.com/m/helpers"
	"example.com/m/wrap"
)

func ViaWrapper() *client.Client {
	return client.New(&client.Options{TLS: wrap.Config()})
}

func Verified() *client.Client {
	return client.New(&client.Options{TLS: helpers.Safe()})
}

func Inline() *client.Client {
	return client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: true}})
}

func Justified() *client.Client {
	return client.New(&client.Options{TLS: &tls.Config{InsecureSkipVerify: true}}) //skipverify:ok the test server's certificate is self-signed
}
