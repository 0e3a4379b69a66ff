package idioms // want package:"clientSummaries"

// The idioms package builds Redis clients the way real libraries do
// (issue 21): each file is one idiom, with same-package callers;
// idiomuser calls them from another package.
