package analyzer

func init() { panicOnInternalError = true }
