#!/bin/sh
# Run the slakit tool this link is named after under valgrind's memcheck, for
# the end-to-end tests' valgrind twins (cmake -DSLAKIT_VALGRIND=ON; ctest -L
# valgrind). Any memory error or leak makes the tool exit 99 and shows on
# stderr, which the tests compare exactly: either way the test fails.
# SK_REAL_BIN is the directory of the real binaries.
exec valgrind -q --tool=memcheck --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible \
	"${SK_REAL_BIN:?SK_REAL_BIN not set}/$(basename "$0")" "$@"
