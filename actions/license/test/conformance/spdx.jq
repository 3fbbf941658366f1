# Every package: name, versionInfo, licenseConcluded unless NOASSERTION or absent, else
# licenseDeclared, else whatever licenseConcluded says (NOASSERTION), else "".
.packages[]
| [ .name,
    (.versionInfo // ""),
    (if (.licenseConcluded // "NOASSERTION") != "NOASSERTION" then .licenseConcluded
     else (.licenseDeclared // .licenseConcluded // "") end) ]
| @tsv
