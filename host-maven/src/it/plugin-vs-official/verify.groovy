import java.util.jar.JarFile

// The same project packaged by com.alipay.sofa:sofa-ark-plugin-maven-plugin and by arkpack's ark-plugin goal.
def ours = new JarFile(new File(basedir, 'target/greeter.ark.plugin'))
def theirs = new JarFile(new File(basedir, 'target/official/greeter.ark.plugin'))

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
def a = attrs(ours), b = attrs(theirs)
def asSet = { String v -> v == null ? null : (v.split(',').collect { it.trim() }.findAll { it } as Set) }
(a.keySet() + b.keySet()).each { k ->
    def same = k == 'export-classes' ? asSet(a[k]) == asSet(b[k]) : a[k] == b[k]
    if (!same) report << "manifest $k: arkpack=${a[k]} official=${b[k]}\n"
}
// the manifest keys in the same order
def keys = { JarFile j ->
    new String(j.getInputStream(j.getEntry('META-INF/MANIFEST.MF')).bytes, 'UTF-8').split('\r?\n')
            .findAll { it && !it.startsWith(' ') }.collect { it.substring(0, it.indexOf(':')) } }
if (keys(ours) != keys(theirs)) report << "manifest key order: arkpack=${keys(ours)} official=${keys(theirs)}\n"
// nested jars: identical bytes; shared root files: identical bytes
(libs(ours).intersect(libs(theirs)) + root(ours).intersect(root(theirs)) - ['META-INF/MANIFEST.MF']).each { n ->
    if (ours.getInputStream(ours.getEntry(n)).bytes != theirs.getInputStream(theirs.getEntry(n)).bytes) report << "$n differs\n"
}
// differences that are not part of the contract, printed for information only
def info = new StringBuilder()
def methods = { JarFile j -> j.entries().findAll { !it.name.endsWith('/') }.collectEntries { [(it.name): it.method] } }
def mo = methods(ours), mt = methods(theirs)
mo.keySet().intersect(mt.keySet()).each { n -> if (mo[n] != mt[n]) info << "  method of $n: arkpack=${mo[n]} official=${mt[n]}\n" }
def dirs = { JarFile j -> j.entries().collect { it.name }.findAll { it.endsWith('/') } as Set }
if (dirs(ours) != dirs(theirs)) info << "  directory entries: only arkpack ${dirs(ours) - dirs(theirs)}, only official ${dirs(theirs) - dirs(ours)}\n"
def order = { JarFile j -> j.entries().collect { it.name } }
if (order(ours) != order(theirs)) info << "  entry order: arkpack ${order(ours)}\n               official ${order(theirs)}\n"

println "arkpack vs sofa-ark-plugin-maven-plugin:\n  lib/: ${libs(ours).sort()}\n  official manifest:\n${theirs.manifest.mainAttributes.collect { k, v -> "    $k: $v" }.join('\n')}"
println(report ? "DIFFERENCES:\n$report" : 'no differences (besides directory entries, entry order and compression)')
if (info) println "other differences (not compared):\n$info"
new File(basedir, 'differences.txt').text = report.toString() + (info ? "not compared:\n$info" : '')
ours.close(); theirs.close()
assert report.length() == 0 : report.toString()
return true
