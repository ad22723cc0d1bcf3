// Shared checks for the slimming ITs' verify.groovy scripts. invoker runs each IT from its clone under
// target/it/<name>, where this folder is not copied, so a script loads it by the `itCommon` script variable
// (host-maven/pom.xml sets it to src/it/common):
//     def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
// The script shares the caller's binding and answers a VerifyHelpers for the IT at `basedir`.
import groovy.json.JsonSlurper
import java.util.jar.JarFile

class VerifyHelpers {
    final File basedir
    final File target
    /** The IT's biz jar: target/<IT folder>-1.0.0-ark-biz.jar (each slimming IT's artifactId is its folder's name). */
    final File bizJar

    VerifyHelpers(File basedir) {
        this.basedir = basedir
        this.target = new File(basedir, 'target')
        this.bizJar = new File(target, "${basedir.name}-1.0.0-ark-biz.jar")
    }

    /** The IT's build.log (every invocation's output). */
    @Lazy String log = new File(basedir, 'build.log').text

    /** The file names under a jar's lib/ (without `lib/`). */
    Set<String> libs(File f) {
        def j = new JarFile(f)
        try { j.entries().collect { it.name }.findAll { it.startsWith('lib/') && !it.endsWith('/') }.collect { it.substring(4) } as Set } finally { j.close() }
    }

    /** A JSON file under target/, parsed. */
    def json(String path) {
        new JsonSlurper().parse(new File(target, path))
    }

    /** module-slim-results.json exactly (arkpack sorts both lists), and the biz jar's lib/ exactly. */
    void expectSlim(List excluded, List compiled, List lib) {
        assert bizJar.isFile() : "no biz jar at $bizJar"
        def r = json('sofa-ark/module-slim-results.json')
        assert r == [excluded: excluded.sort(false), compiled: compiled.sort(false)] : "module-slim-results.json: $r"
        assert libs(bizJar) == lib.toSet() : "lib/: ${libs(bizJar).sort()}, expected ${lib.sort()}"
        assert new File(target, 'sofa-ark/arkpack-slim-report.json').isFile() : 'no slimming report'
    }

    /** The build failed, left no biz jar, and its log holds each of `messages`. */
    void expectFailure(String... messages) {
        assert log.contains('BUILD FAILURE')
        assert !bizJar.exists() : "a failed build must leave no biz jar ($bizJar)"
        messages.each { m -> assert log.contains(m) : "build.log lacks: $m" }
    }
}

new VerifyHelpers(basedir as File)
