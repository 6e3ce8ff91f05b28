# The media libraries are loaded when a post has media, not in every process (src/medialib.h):
# which of them the dynamic loader opened, for a caption alone and for a photo post.
loaded() {
	LD_DEBUG=files "$@" 2>&1 >/dev/null |
		grep -o 'file=lib\(exif\|turbojpeg\|expat\|z\)\.so[.0-9]*' | sed 's/^file=//' | sort -u
}
echo "--version:"
loaded $POSTLINT --version
echo "caption:"
loaded $POSTLINT --rules rules/default.json tests/cli/data/violations.txt
echo "photo:"
loaded $POSTLINT --rules rules/default.json tests/examples/05-photo-with-location
