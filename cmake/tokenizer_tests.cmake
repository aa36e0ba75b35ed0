# Tokenizer checks beyond the GoogleTest suite.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND AND EXISTS /usr/share/unicode/UnicodeData.txt)
  # The committed Unicode table must be exactly what the generator makes
  # from the Unicode Character Database (Debian package unicode-data).
  add_test(NAME unicode_tables_regenerate
           COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/data/unicode/generate_tables.py"
                   --check "${PROJECT_SOURCE_DIR}/src/tokenizer/unicode_tables.cpp")
endif()
if(Python3_FOUND AND EXISTS /usr/share/unicode/CompositionExclusions.txt)
  # The same for the normalization tables (NFC / NFKC, issue #4).
  add_test(NAME normalization_tables_regenerate
           COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/data/unicode/generate_normalization.py"
                   --check "${PROJECT_SOURCE_DIR}/src/tokenizer/normalization_tables.cpp")
endif()
