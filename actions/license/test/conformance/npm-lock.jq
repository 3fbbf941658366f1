# Every `packages` entry except the root ("") and workspace links: name (the `name` field, else
# the path after the last node_modules/), version, license (string, legacy object type, or a legacy
# array of either, " | "-joined; `licenses` when `license` is absent).
.packages
| to_entries[]
| select(.key != "" and (.value.link != true))
| [ (.value.name // (.key | sub(".*node_modules/"; ""))),
    (.value.version // ""),
    ((.value.license // .value.licenses // "")
     | if type == "string" then .
       elif type == "array" then (map(if type == "string" then . else (.type // empty) end) | join(" | "))
       elif type == "object" then (.type // "")
       else "" end) ]
| @tsv
