# The face model is missing (POSTLINT_MODELS names an empty directory): every photo is reported
# as not checked for faces, a warning, and the batch goes on to the next post.
mkdir -p "$T/models" "$T/q/a" "$T/q/b"
cp tests/fixtures/pixels/noface.jpg "$T/q/a/photo.jpg"
cp tests/fixtures/pixels/noface.jpg "$T/q/b/photo.jpg"
printf 'Fijne dienst gehad.\n' >"$T/q/a/post.txt"
printf 'Merci pour votre accueil.\n' >"$T/q/b/post.txt"
POSTLINT_MODELS="$T/models" "$POSTLINT" --rules tests/cli/data/face-only.json -j 1 "$T/q"
