import java.util.jar.JarFile

// The same project packaged by com.alipay.sofa:sofa-ark-maven-plugin:3.1.11 and by arkpack.
def ours = new JarFile(new File(basedir, 'target/vs-official-1.0.0-ark-biz.jar'))
def theirs = new JarFile(new File(basedir, 'target/official/vs-official-1.0.0-ark-biz.jar'))

def files = { JarFile j -> j.entries().collect { it.name }.findAll { !it.endsWith('/') } as Set }
def libs = { JarFile j -> files(j).findAll { it.startsWith('lib/') } as Set }
def root = { JarFile j -> files(j).findAll { !it.startsWith('lib/') } as Set }

def report = new StringBuilder()
def diff = { String what, Set a, Set b ->
    def onlyOurs = a - b, onlyTheirs = b - a
    if (onlyOurs || onlyTheirs) report << "$what: only arkpack $onlyOurs, only official $onlyTheirs\n"
}
diff('lib/', libs(ours), libs(theirs))
diff('root entries', root(ours), root(theirs))

def attrs = { JarFile j -> j.manifest.mainAttributes.collectEntries { k, v -> [(k.toString()): v] } }
def ignored = ['build-time'] as Set
def a = attrs(ours).findAll { k, v -> !(k in ignored) }
def b = attrs(theirs).findAll { k, v -> !(k in ignored) }
(a.keySet() + b.keySet()).each { k ->
    if (a[k] != b[k]) report << "manifest $k: arkpack=${a[k]} official=${b[k]}\n"
}
// nested jars: identical bytes
libs(ours).intersect(libs(theirs)).each { n ->
    if (ours.getInputStream(ours.getEntry(n)).bytes != theirs.getInputStream(theirs.getEntry(n)).bytes) report << "$n differs\n"
}
println "arkpack vs sofa-ark-maven-plugin 3.1.11:\n  lib/: ${libs(ours).sort()}\n  official manifest:\n${theirs.manifest.mainAttributes.collect { k, v -> "    $k: $v" }.join('\n')}"
println(report ? "DIFFERENCES:\n$report" : 'no differences (besides build-time, directory entries and order)')
new File(basedir, 'differences.txt').text = report.toString()
ours.close(); theirs.close()
assert report.length() == 0 : report.toString()
return true
