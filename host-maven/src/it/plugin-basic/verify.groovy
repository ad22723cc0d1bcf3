import java.util.jar.JarFile
import java.util.zip.ZipEntry

// The ark-plugin goal with every official parameter: check the .ark.plugin as SOFAArk reads it.
def plugin = new File(basedir, 'target/greeter.ark.plugin')
assert plugin.isFile() : "no $plugin"
def jar = new JarFile(plugin)
def names = jar.entries().collect { it.name }
def files = names.findAll { !it.endsWith('/') }

// manifest: every official key, in the official order, with these values
def raw = new String(jar.getInputStream(jar.getEntry('META-INF/MANIFEST.MF')).bytes, 'UTF-8')
def keys = raw.split('\r\n').findAll { it && !it.startsWith(' ') }.collect { it.substring(0, it.indexOf(':')) }
assert keys == ['Manifest-Version', 'groupId', 'artifactId', 'version', 'priority', 'pluginName', 'description',
                'activator', 'import-packages', 'import-classes', 'import-resources', 'export-mode',
                'export-packages', 'export-classes', 'export-resources'] : "manifest keys: $keys"
def m = jar.manifest.mainAttributes
def expect = [
    'groupId': 'it.arkpack', 'artifactId': 'plugin-basic', 'version': '1.0.0', 'priority': '1500',
    'pluginName': 'greeter', 'description': 'Greets people', 'activator': 'com.example.plugin.GreeterActivator',
    'import-packages': 'org.slf4j,org.apache.commons.io.*', 'import-classes': 'org.example.Outside',
    'import-resources': '*.properties', 'export-mode': 'override', 'export-packages': 'com.example.plugin.api.*',
    'export-resources': 'META-INF/greeter/*']
expect.each { k, v -> assert m.getValue(k) == v : "manifest $k: ${m.getValue(k)}, expected $v" }
// configured classes, then every top-level project class but the activator (no nested classes)
def exportClasses = m.getValue('export-classes').split(',') as List
assert exportClasses[0] == 'com.example.plugin.impl.Helper'
assert exportClasses as Set == ['com.example.plugin.impl.Helper', 'com.example.plugin.api.Greeter'] as Set : "export-classes: $exportClasses"

// lib/: commons-lang3 only (commons-io excluded, slf4j excluded by groupId, jsr305 shaded, spi provided); STORED
def libs = files.findAll { it.startsWith('lib/') }
assert libs == ['lib/commons-lang3-3.12.0.jar'] : "lib/: $libs"
libs.each { n ->
    def e = jar.getEntry(n)
    assert e.method == ZipEntry.STORED : "$n is not STORED"
    def b = jar.getInputStream(e).bytes
    assert b[0] == 0x50 && b[1] == 0x4b && b[2] == 3 && b[3] == 4 : "$n is not a jar"
}
// the project's classes and resources and the shaded jar's content at the root; no lib/ for them
['com/example/plugin/GreeterActivator.class', 'com/example/plugin/api/Greeter.class',
 'com/example/plugin/impl/Helper.class', 'com/example/plugin/impl/Helper$Inner.class',
 'META-INF/greeter/config.xml', 'javax/annotation/Nonnull.class'].each { assert it in files : "no $it" }
assert !files.any { it.contains('jsr305') && it.startsWith('lib/') }
assert !files.any { it.startsWith('org/apache/commons/') } : 'only shades are unpacked'

// the plugin mark: a STORED file holding an empty manifest
def mark = jar.getEntry('com/alipay/sofa/ark/plugin/mark')
assert mark != null && !mark.isDirectory()
assert mark.method == ZipEntry.STORED
assert new String(jar.getInputStream(mark).bytes, 'UTF-8') == 'Manifest-Version: 1.0\r\n\r\n'
// the manifest comes first (after META-INF/), as stream readers need it
assert names.indexOf('META-INF/MANIFEST.MF') <= 1
jar.close()

// the request that was sent, and the log
assert new File(basedir, 'target/sofa-ark/arkpack-plugin-request.json').isFile()
def log = new File(basedir, 'build.log').text
assert log.contains("arkpack: wrote ${plugin.absolutePath}") || log.contains('arkpack: wrote ') : 'no "wrote" line'

// classified execution: its own file, attached with the classifier; exportPluginClass=false
def lite = new File(basedir, 'target/lite/greeter-lite.ark.plugin')
assert lite.isFile()
def liteJar = new JarFile(lite)
assert liteJar.manifest.mainAttributes.getValue('export-classes') == ''
assert liteJar.manifest.mainAttributes.getValue('description') == ' '
assert liteJar.manifest.mainAttributes.getValue('priority') == '100'
assert liteJar.entries().collect { it.name }.findAll { it.startsWith('lib/') && !it.endsWith('/') } as Set ==
        ['lib/commons-lang3-3.12.0.jar', 'lib/commons-io-2.11.0.jar', 'lib/slf4j-api-1.7.30.jar', 'lib/jsr305-3.0.2.jar'] as Set
liteJar.close()

// deployed: the main artifact's file IS the plugin (classifier empty), the classified one is attached
def repo = new File(basedir, 'target/repo/it/arkpack/plugin-basic/1.0.0')
assert new File(repo, 'plugin-basic-1.0.0.jar').bytes == plugin.bytes : 'the main artifact must be the .ark.plugin'
assert new File(repo, 'plugin-basic-1.0.0-lite.jar').bytes == lite.bytes
return true
