// IT slim-base-parent: <baseDependencyParentIdentity> names the base starter parent; a BOM whose parent is that starter is imported
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
// the POM facts sent to arkpack: the starter's own managed entries (interpolated) and the imported BOM
def req = check.json('sofa-ark/arkpack-request.json')
assert req.parents == [[groupId: 'dev.arkpack.it', artifactId: 'base-starter', version: '1.0.0', managed: [
        [groupId: 'dev.arkpack.it', artifactId: 'lib-a', version: '1.0.0'],
        [groupId: 'org.apache.commons', artifactId: 'commons-lang3', version: '3.12.0']]]] : "parents: ${req.parents}"
assert req.importedBoms == [[groupId: 'dev.arkpack.it', artifactId: 'base-plugin-bom', version: '1.0.0',
        parent: [groupId: 'dev.arkpack.it', artifactId: 'base-starter', version: '1.0.0'],
        managed: [[groupId: 'commons-io', artifactId: 'commons-io', version: '2.11.0']]]] : "importedBoms: ${req.importedBoms}"
assert req.baseDependencyParentIdentity == 'dev.arkpack.it:base-starter'
check.expectSlim(['dev.arkpack.it:lib-a:jar', 'org.apache.commons:commons-lang3:jar', 'commons-io:commons-io:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar'])
return true
