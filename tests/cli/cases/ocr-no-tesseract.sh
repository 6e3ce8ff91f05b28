# Tesseract cannot be loaded (a broken libtesseract.so.5 first in the library path): the photo
# gets one finding that says why and what to install, the caption is still checked, and the
# run ends with the verdict of what could be checked.
mkdir -p "$T/lib"
: >"$T/lib/libtesseract.so.5"
: >"$T/lib/libtesseract.so"
cp tests/fixtures/pixels/plate-scene.jpg "$T/post.jpg"
printf 'Controle vanmiddag, dank voor de hulp.\n' >"$T/post.txt"
LD_LIBRARY_PATH="$T/lib" "$POSTLINT" --rules tests/cli/data/ocr-only.json "$T"
