# Checks that core's modules depend one way (see core/README.md): a file in core/<module>/ may
# include headers of its own module and of modules on a lower layer, never of its own layer or a
# higher one, and core includes nothing of ui/ or app/. Run by ctest as TestCoreLayering:
#   cmake -DSOURCE_DIR=<repository> -P core/Layering.cmake
# It prints every include against the layering and fails if there is one.

# The layers, bottom first; modules of one layer are separated by "|" and may not include each
# other. A module not listed here fails the check: place it when adding it.
set(layers
    "util"
    "domain"
    "store"
    "rules|ingest|demo"
    "engine"
    "customers|tuning|actions"
    "report|pipeline"
    "team")

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "Layering.cmake: pass -DSOURCE_DIR=<the repository>")
endif()
set(core "${SOURCE_DIR}/core")

set(rank 0)
foreach(layer IN LISTS layers)
    string(REPLACE "|" ";" modules "${layer}")
    foreach(module IN LISTS modules)
        set(rank_${module} ${rank})
    endforeach()
    math(EXPR rank "${rank} + 1")
endforeach()

set(violations 0)
set(checked 0)
file(GLOB_RECURSE sources RELATIVE "${core}" "${core}/*.h" "${core}/*.cpp")
foreach(source IN LISTS sources)
    if(NOT source MATCHES "^([A-Za-z_]+)/")
        continue() # core's own top-level files (none include a module)
    endif()
    set(module "${CMAKE_MATCH_1}")
    if(NOT DEFINED rank_${module})
        message(SEND_ERROR "core/${module}/ is on no layer: add it to core/Layering.cmake and core/README.md")
        math(EXPR violations "${violations} + 1")
        continue()
    endif()
    file(STRINGS "${core}/${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+\"")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
        math(EXPR checked "${checked} + 1")
        if(NOT header MATCHES "^([A-Za-z_]+)/")
            continue() # a file beside this one, or a generated header (Version.h)
        endif()
        set(target "${CMAKE_MATCH_1}")
        if(NOT EXISTS "${core}/${header}")
            if(EXISTS "${SOURCE_DIR}/ui/${header}" OR EXISTS "${SOURCE_DIR}/app/${header}")
                message(SEND_ERROR "core/${source} includes ${header}, which is not core's (ui/ or app/)")
                math(EXPR violations "${violations} + 1")
            endif()
            continue() # a third-party header with a directory (libpq, simdjson...)
        endif()
        if(target STREQUAL module)
            continue()
        endif()
        if(NOT DEFINED rank_${target})
            message(SEND_ERROR "core/${source} includes ${header}: core/${target}/ is on no layer")
            math(EXPR violations "${violations} + 1")
        elseif(NOT rank_${target} LESS rank_${module})
            message(SEND_ERROR "core/${source} (${module}) includes ${header} (${target}): "
                               "${target} is not on a lower layer than ${module}")
            math(EXPR violations "${violations} + 1")
        endif()
    endforeach()
endforeach()

if(checked EQUAL 0)
    message(FATAL_ERROR "Layering.cmake: no includes found under ${core}")
endif()
if(violations GREATER 0)
    message(FATAL_ERROR "${violations} include(s) against core's layering (core/README.md)")
endif()
message(STATUS "core's layering holds: ${checked} includes checked")
