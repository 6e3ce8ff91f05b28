# A media library that cannot be loaded leaves that block unchecked: the photo gets a warning that
# says which library and package, with a fix that is not "the file is damaged", and the run goes on.
mkdir -p "$T/lib"
: >"$T/lib/libexif.so.12"
: >"$T/lib/libexif.so"
LD_LIBRARY_PATH=$T/lib $POSTLINT --rules rules/default.json --color never \
	tests/examples/05-photo-with-location tests/cli/data/violations.txt
