#!/usr/bin/env bash

# ruleid: rm-rf-unguarded-variable
rm -rf "$BUILD_DIR"/*

# ruleid: rm-rf-unguarded-variable
rm -rf $STEAMROOT/

# ruleid: rm-rf-unguarded-variable
rm -fr ${TMP_ROOT}

# ok: rm-rf-unguarded-variable
rm -rf "${BUILD_DIR:?}/"

# ok: rm-rf-unguarded-variable
rm -rf ./dist
