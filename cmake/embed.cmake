# Turns the file IN into a C++ source OUT defining `std::string_view VAR`.
# Bytes are written as hex so any content (quotes, non-ASCII) survives.
file(READ ${IN} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE ${OUT}
  "#include <string_view>\n"
  "namespace pgveil::embedded {\n"
  "static const char k${VAR}Bytes[] = {${bytes} 0};\n"
  "extern const std::string_view ${VAR}(k${VAR}Bytes, ${size});\n"
  "}  // namespace pgveil::embedded\n")
