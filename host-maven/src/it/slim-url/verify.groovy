// IT slim-url: <packExcludesUrl> served on 127.0.0.1 by the pre-build hook (jarBlack* exclude, jarWarn* warns)
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
def server = System.properties.remove('arkpack.it.slim-url.server')
def hits = System.properties.remove('arkpack.it.slim-url.hits')
server?.stop(0)
assert hits.get() == 1 : "the rules were fetched ${hits.get()} times"
assert check.log.contains('[WARNING] arkpack [slim-warn-rule] org.apache.commons:commons-lang3:3.12.0 matches jarWarnArtifactIds commons-lang3 (packExcludesUrl http://127.0.0.1:')
check.expectSlim(['dev.arkpack.it:lib-a:jar', 'commons-io:commons-io:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
return true
