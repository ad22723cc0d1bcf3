import java.util.jar.JarFile

def target = new File(basedir, 'target')
def biz = new File(target, 'single-module-1.0.0-ark-biz.jar')
def exe = new File(target, 'single-module-1.0.0-ark-executable.jar')
assert biz.isFile() : "no biz jar at $biz"
assert exe.isFile() : "no executable jar at $exe"
assert new File(target, 'sofa-ark/arkpack-request.json').isFile()

def jar = new JarFile(biz)
def attrs = jar.manifest.mainAttributes
def expect = [
    'Main-Class': 'com.example.single.App',
    'Start-Class': 'com.example.single.App',
    'Ark-Biz-Name': 'single',
    'Ark-Biz-Version': '1.0.0',
    'priority': '50',
    'web-context-path': 'single',
    'deny-import-packages': 'org.example.a,org.example.b',
    'deny-import-classes': 'org.example.C',
    'deny-import-resources': '',
    'inject-plugin-dependencies': '',
    'inject-export-packages': '',
]
expect.each { k, v -> assert attrs.getValue(k) == v : "manifest $k: ${attrs.getValue(k)} != $v" }
assert attrs.getValue('build-time') ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}/ : "build-time: ${attrs.getValue('build-time')}"
assert attrs.getValue('commit-id') == null : 'disableGitInfo=true must leave git out'

def names = jar.entries().collect { it.name }
def libs = names.findAll { it.startsWith('lib/') && !it.endsWith('/') }.sort()
assert libs == ['lib/commons-io-2.11.0.jar', 'lib/commons-lang3-3.12.0.jar'] : "lib entries: $libs"
assert names.contains('conf/ark/bootstrap.properties')
assert names.contains('com/example/single/App.class')
assert names.contains('com/alipay/sofa/ark/biz/mark')
libs.each { assert jar.getEntry(it).method == java.util.zip.ZipEntry.STORED }
jar.close()

def ejar = new JarFile(exe)
assert ejar.manifest.mainAttributes.getValue('Sofa-Ark-Version') == '2.3.0'
assert ejar.manifest.mainAttributes.getValue('Main-Class') == 'com.alipay.sofa.ark.bootstrap.ArkLauncher'
def enames = ejar.entries().collect { it.name }
assert enames.contains('SOFA-ARK/biz/single-module-1.0.0-ark-biz.jar')
assert enames.contains('SOFA-ARK/container/sofa-ark-all-2.3.0.jar')
ejar.close()

def log = new File(basedir, 'build.log').text
assert log.contains('arkpack: wrote')
return true
