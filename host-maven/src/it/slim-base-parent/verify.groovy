// IT slim-base-parent: <baseDependencyParentIdentity> names the base starter parent; a BOM whose parent is that starter is imported
import groovy.json.JsonSlurper
import java.util.jar.JarFile

def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text
def bizJar = new File(target, 'slim-base-parent-1.0.0-ark-biz.jar')
def libs = { File f ->
    def j = new JarFile(f)
    try { j.entries().collect { it.name }.findAll { it.startsWith('lib/') && !it.endsWith('/') }.collect { it.substring(4) } as Set } finally { j.close() }
}
def json = { String path -> new JsonSlurper().parse(new File(target, path)) }
// module-slim-results.json exactly (arkpack sorts both lists), and the biz jar's lib/ exactly
def expectSlim = { List excluded, List compiled, List lib ->
    assert bizJar.isFile() : "no biz jar at $bizJar"
    def r = json('sofa-ark/module-slim-results.json')
    assert r == [excluded: excluded.sort(false), compiled: compiled.sort(false)] : "module-slim-results.json: $r"
    assert libs(bizJar) == lib.toSet() : "lib/: ${libs(bizJar).sort()}, expected ${lib.sort()}"
    assert new File(target, 'sofa-ark/arkpack-slim-report.json').isFile() : 'no slimming report'
}
// the POM facts sent to arkpack: the starter's own managed entries (interpolated) and the imported BOM
def req = json('sofa-ark/arkpack-request.json')
assert req.parents == [[groupId: 'dev.arkpack.it', artifactId: 'base-starter', version: '1.0.0', managed: [
        [groupId: 'dev.arkpack.it', artifactId: 'lib-a', version: '1.0.0'],
        [groupId: 'org.apache.commons', artifactId: 'commons-lang3', version: '3.12.0']]]] : "parents: ${req.parents}"
assert req.importedBoms == [[groupId: 'dev.arkpack.it', artifactId: 'base-plugin-bom', version: '1.0.0',
        parent: [groupId: 'dev.arkpack.it', artifactId: 'base-starter', version: '1.0.0'],
        managed: [[groupId: 'commons-io', artifactId: 'commons-io', version: '2.11.0']]]] : "importedBoms: ${req.importedBoms}"
assert req.baseDependencyParentIdentity == 'dev.arkpack.it:base-starter'
expectSlim(['dev.arkpack.it:lib-a:jar', 'org.apache.commons:commons-lang3:jar', 'commons-io:commons-io:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar'])
return true
