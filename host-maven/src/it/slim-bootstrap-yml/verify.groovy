// IT slim-bootstrap-yml: slimming from conf/ark/bootstrap.yml (YAML lists) and its declared.libraries.whitelist
import groovy.json.JsonSlurper
import java.util.jar.JarFile

def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text
def bizJar = new File(target, 'slim-bootstrap-yml-1.0.0-ark-biz.jar')
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
expectSlim(['dev.arkpack.it:lib-a:jar', 'commons-io:commons-io:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
def declared = new JarFile(bizJar).manifest.mainAttributes.getValue('declared-libraries')
assert declared.split(',') as Set == ['slim-bootstrap-yml', 'lib-a', 'lib-b', 'lib-c', 'commons-lang3', 'commons-io', 'extra-lib'] as Set : "declared-libraries: $declared"
return true
