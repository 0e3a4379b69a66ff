// Package libapp calls libraries that build Redis clients for their
// caller, judged through their summaries (issue 21): centrifuge's Redis
// shard (TLS decided inside the library by the address's scheme), neoq's
// Redis backend (functional options of another package applied in a loop
// to a field), wechat's cache (a TLS switch) and asynqmon (asynq options
// handed over whole, as an interface in a struct field).
package libapp
