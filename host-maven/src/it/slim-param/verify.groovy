// IT slim-param: slimming from the POM parameters: <excludes> as an XML list, <excludeGroupIds> as a comma-separated string
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
// the graph facts sent to arkpack: lib-c sits under lib-a in Maven's pruned tree, and both need it
def byGa = check.json('sofa-ark/arkpack-request.json').libraries.collectEntries { l -> [("${l.groupId}:${l.artifactId}".toString()): l] }
assert byGa['dev.arkpack.it:lib-a'].parent == null
assert byGa['dev.arkpack.it:lib-b'].parent == null
assert byGa['dev.arkpack.it:lib-c'].parent == 'dev.arkpack.it:lib-a:jar'
assert byGa['dev.arkpack.it:lib-a'].dependsOn == ['dev.arkpack.it:lib-c:jar']
assert byGa['dev.arkpack.it:lib-b'].dependsOn == ['dev.arkpack.it:lib-c:jar']
assert byGa['dev.arkpack.it:lib-c'].dependsOn == []
// lib-c stays: lib-b (kept) needs it, although the pruned tree puts it under the excluded lib-a
check.expectSlim(['dev.arkpack.it:lib-a:jar', 'commons-io:commons-io:jar', 'commons-logging:commons-logging:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
return true
