# Every component, nested ones included (not metadata.component, not evidence): name (group/name
# when a group is set), version, and the declared licenses (expression, id or name), " | "-joined.
[.components[]? | recurse(.components[]?)]
| .[]
| [ (if (.group // "") != "" then .group + "/" + .name else .name end),
    (.version // ""),
    ([.licenses[]? | (.expression // .license.id // .license.name) | select(. != null)] | join(" | ")) ]
| @tsv
