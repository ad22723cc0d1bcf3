// IT slim-why: goal why explains from the last package why lib-c stayed (lib-b needs it) and why lib-a went
def check = evaluate(new File(itCommon, 'verify-helpers.groovy'))
check.expectSlim(['dev.arkpack.it:lib-a:jar'], [], ['lib-b-1.0.0.jar', 'lib-c-1.0.0.jar', 'commons-lang3-3.12.0.jar'])
// the output of `why` (second invocation), after the package build's log
def why = check.log.substring(check.log.lastIndexOf('arkpack-maven-plugin:0.1.0-SNAPSHOT:why'))
assert why.contains("""[INFO] dev.arkpack.it:lib-c:1.0.0 (compile scope): kept in the module
[INFO]   because: needed by a kept dependency, though an excluded one needs it too
[INFO]   path: it.arkpack:slim-why:1.0.0 -> dev.arkpack.it:lib-b:1.0.0 -> dev.arkpack.it:lib-c:1.0.0
[INFO]   note: removed by the official plugin: Maven's pruned tree shows it under excluded dev.arkpack.it:lib-a:1.0.0, though a kept dependency needs it
""") : why
assert why.contains('BUILD SUCCESS') : why
return true
